using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>
/// Consumes processing requests from a Pub/Sub subscription, every silo pulling from the same one, and does them as
/// the Redis stream consumer does. At least once: a message is acked only after its grain has done the work, its
/// deadline extended while that runs; a failed attempt is nacked (deadline 0) so Pub/Sub redelivers it; after
/// <see cref="PubSubProcessingOptions.MaxDeliveries"/> deliveries (the message's <c>deliveryAttempt</c>, else a
/// count kept in Redis) it is published to the dead-letter topic with the reason. Malformed requests and unknown
/// cameras go there at once. A silo that dies leaves its messages unacked, so Pub/Sub redelivers them to another.
/// </summary>
public sealed class PubSubProcessingConsumer(
    PubSubClient client,
    IConnectionMultiplexer redis,
    ProcessingRequestHandler handler,
    IHostApplicationLifetime lifetime,
    IOptions<PubSubProcessingOptions> options,
    ProcessingMetrics metrics,
    TimeProvider time,
    ILogger<PubSubProcessingConsumer> logger) : BackgroundService
{
    // Pub/Sub takes attribute values of at most 1024 bytes.
    private const int MaxAttributeLength = 256;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    private readonly PubSubProcessingOptions _options = options.Value;
    private readonly ProcessingLedger _ledger = new(redis, "pubsub:" + options.Value.Subscription, options.Value.RememberDoneFor);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls need the silo up: wait until every hosted service, the silo's included, has started.
        await WhenStartedAsync(stoppingToken);
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await client.PullAsync(_options.Subscription, _options.MaxMessages, stoppingToken);
                await Task.WhenAll(messages.Select(m => HandleAsync(m, stoppingToken)));
                backoff = FirstBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is PubSubApiException or HttpRequestException or RedisException or TimeoutException or TaskCanceledException)
            {
                // Pub/Sub or Redis unreachable, or a call refused: what was pulled and not acked is redelivered.
                logger.LogWarning(ex, "Processing subscription {Subscription} unreadable; trying again in {Delay}", _options.Subscription, backoff);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task HandleAsync(PubSubReceivedMessage received, CancellationToken stoppingToken)
    {
        var id = received.Message.MessageId ?? received.AckId;
        if (await _ledger.IsDoneAsync(id))
        {
            // Done before; its ack was lost or came after the deadline.
            await AcknowledgeAsync(received, id, stoppingToken);
            return;
        }

        var deliveries = received.DeliveryAttempt ?? await _ledger.CountDeliveryAsync(id);
        var request = ProcessingRequest.Parse(DataOf(received.Message, out var undecodable), out var malformed);
        if (request is null)
        {
            await DeadLetterAsync(received, id, undecodable ?? malformed, deliveries, stoppingToken);
            return;
        }

        if (deliveries > _options.MaxDeliveries)
        {
            // Earlier deliveries ran out without an outcome here, e.g. their silos died mid-work.
            var last = await _ledger.LastErrorAsync(id);
            await DeadLetterAsync(received, id, $"gave up after {deliveries - 1} deliveries: {last ?? "no outcome came back (its silo stopped)"}", deliveries - 1, stoppingToken);
            return;
        }

        ProcessingOutcome outcome;
        await using (AckDeadlineLease.Start(client, _options.Subscription, received.AckId, _options.AckDeadline, time, logger, stoppingToken))
        {
            outcome = await handler.HandleAsync(request);
        }

        stoppingToken.ThrowIfCancellationRequested();
        if (outcome.Error is null)
        {
            await _ledger.MarkDoneAsync(id);
            await AcknowledgeAsync(received, id, stoppingToken);
            metrics.Done();
        }
        else if (outcome.Permanent)
        {
            await DeadLetterAsync(received, id, outcome.Error, deliveries, stoppingToken);
        }
        else if (deliveries >= _options.MaxDeliveries)
        {
            await DeadLetterAsync(received, id, $"gave up after {deliveries} deliveries: {outcome.Error}", deliveries, stoppingToken);
        }
        else
        {
            await _ledger.RecordErrorAsync(id, outcome.Error);
            metrics.Retry();
            logger.LogWarning(
                "Processing request {Id} ({Camera}, {Action}) failed on delivery {Delivery} of {Max}: {Error}",
                id, request.CameraId, request.Action, deliveries, _options.MaxDeliveries, outcome.Error);
            // A nack: Pub/Sub redelivers it now (or after the subscription's retry policy's backoff), to any silo.
            await client.ModifyAckDeadlineAsync(_options.Subscription, [received.AckId], TimeSpan.Zero, stoppingToken);
        }
    }

    /// <summary>The message's data as text, or null with the reason it cannot be read.</summary>
    private static string? DataOf(PubSubMessage message, out string? reason)
    {
        reason = null;
        if (message.Data is null || message.Data.Length == 0)
        {
            reason = "the message has no data (expected data = {\"cameraId\": \"<uuid>\"})";
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message.Data);
        }
        catch (DecoderFallbackException)
        {
            reason = "data is not UTF-8 text";
            return null;
        }
    }

    private async Task AcknowledgeAsync(PubSubReceivedMessage received, string id, CancellationToken stoppingToken)
    {
        await client.AcknowledgeAsync(_options.Subscription, [received.AckId], stoppingToken);
        await _ledger.ForgetAsync(id);
    }

    private async Task DeadLetterAsync(PubSubReceivedMessage received, string id, string reason, int deliveries, CancellationToken stoppingToken)
    {
        var attributes = new Dictionary<string, string>(received.Message.Attributes ?? new Dictionary<string, string>())
        {
            ["reason"] = reason.Length > MaxAttributeLength ? reason[..MaxAttributeLength] : reason,
            ["deliveries"] = deliveries.ToString(CultureInfo.InvariantCulture),
            ["originalMessageId"] = id,
            ["subscription"] = _options.Subscription,
            ["deadAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        // Published before the ack: should the silo die in between, the message is redelivered and dead-lettered
        // again rather than lost.
        await client.PublishAsync(_options.DeadLetterTopic, [new PubSubMessage(received.Message.Data, attributes)], stoppingToken);
        await AcknowledgeAsync(received, id, stoppingToken);
        metrics.DeadLetter();
        logger.LogWarning("Processing request {Id} dead-lettered to {Topic}: {Reason}", id, _options.DeadLetterTopic, reason);
    }
}
