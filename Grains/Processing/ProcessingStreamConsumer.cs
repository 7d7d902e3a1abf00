using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains.Processing;

/// <summary>
/// Consumes processing requests from a Redis stream in the cluster's consumer group, one consumer per silo, and does
/// what <c>POST /process/camera/{id}</c> does (or refits the camera's forecasts). At least once: an entry is
/// acknowledged (and deleted) only after its grain has done the work; an entry whose silo died, or whose attempt
/// failed, is claimed again after <see cref="ProcessingStreamOptions.ClaimIdleAfter"/> by any silo; after
/// <see cref="ProcessingStreamOptions.MaxDeliveries"/> deliveries it goes to the dead-letter stream with the last
/// error. Malformed entries and unknown cameras go there at once. A done entry's id is remembered for a day, so a
/// redelivery after a lost acknowledgement is not done twice. Entries a live consumer holds are kept from going idle
/// (<see cref="PendingEntryLease"/>), so only a dead consumer's, or a failed attempt's, are claimed.
/// </summary>
/// <remarks>
/// A hosted service feeding grains rather than an Orleans persistent stream provider: the entries are commands for
/// one grain each, answered by the grain's own turn, and what decides a redelivery (the grain's outcome, not the
/// stream position) lives here in a few lines; the Redis stream provider for Orleans is not among the packages
/// served here either.
/// </remarks>
public sealed class ProcessingStreamConsumer(
    IConnectionMultiplexer redis,
    ProcessingRequestHandler handler,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    IOptions<ProcessingStreamOptions> options,
    ProcessingMetrics metrics,
    ILogger<ProcessingStreamConsumer> logger) : BackgroundService
{
    private const string DataField = "data";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ProcessingStreamOptions _options = options.Value;
    private readonly ProcessingLedger _ledger = new(redis, options.Value.StreamName, options.Value.RememberDoneFor);
    private bool _groupReady;

    private IDatabase Db => redis.GetDatabase();

    private string Consumer => silo.SiloAddress.ToParsableString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Grain calls need the silo up: wait until every hosted service, the silo's included, has started.
        await WhenStartedAsync(stoppingToken);
        var backoff = _options.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureGroupAsync();
                var handled = await ClaimAndHandleAsync(stoppingToken) + await ReadAndHandleAsync(stoppingToken);
                backoff = _options.PollInterval;
                if (handled == 0)
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Processing stream {Stream} unreadable; trying again in {Delay}", _options.StreamName, backoff);
                await Task.Delay(backoff, stoppingToken);
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

    private async Task EnsureGroupAsync()
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the stream's start: requests added before the cluster first ran are done too.
            await Db.StreamCreateConsumerGroupAsync(_options.StreamName, _options.ConsumerGroup, "0-0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another silo, or an earlier run, created it.
        }

        _groupReady = true;
    }

    /// <summary>Entries delivered to some consumer and idle for long enough: a dead silo's, or failed attempts due again.</summary>
    private async Task<int> ClaimAndHandleAsync(CancellationToken stoppingToken)
    {
        var claimed = await Db.StreamAutoClaimAsync(
            _options.StreamName, _options.ConsumerGroup, Consumer, (long)_options.ClaimIdleAfter.TotalMilliseconds, "0-0", _options.BatchSize);
        foreach (var id in claimed.DeletedIds)
        {
            // Deleted while pending (trimmed by someone): nothing left to do.
            await Db.StreamAcknowledgeAsync(_options.StreamName, _options.ConsumerGroup, id);
        }

        await HandleBatchAsync(claimed.ClaimedEntries, claimed: true, stoppingToken);
        return claimed.ClaimedEntries.Length;
    }

    private async Task<int> ReadAndHandleAsync(CancellationToken stoppingToken)
    {
        var entries = await Db.StreamReadGroupAsync(_options.StreamName, _options.ConsumerGroup, Consumer, StreamPosition.NewMessages, _options.BatchSize);
        await HandleBatchAsync(entries, claimed: false, stoppingToken);
        return entries.Length;
    }

    /// <summary>
    /// Handles the entries of one read or claim under a lease that keeps them from going idle while they wait their
    /// turn here; an entry another consumer took meanwhile is left to it.
    /// </summary>
    private async Task HandleBatchAsync(StreamEntry[] entries, bool claimed, CancellationToken stoppingToken)
    {
        if (entries.Length == 0)
        {
            return;
        }

        await using var lease = PendingEntryLease.Start(Db, _options, Consumer, entries.Select(e => e.Id), logger, stoppingToken);
        foreach (var entry in entries)
        {
            stoppingToken.ThrowIfCancellationRequested();
            string id = entry.Id!;
            if (!lease.Holds(id))
            {
                logger.LogInformation("Processing request {Id} was claimed by another consumer before its turn here; left to it", id);
                continue;
            }

            try
            {
                await HandleAsync(entry, claimed ? await DeliveriesAsync(entry.Id) : 1, stoppingToken);
            }
            finally
            {
                // Done, dead-lettered, or failed: a failed one must go idle to be claimed again after ClaimIdleAfter.
                lease.Release(id);
            }
        }
    }

    private async Task<int> DeliveriesAsync(RedisValue id)
    {
        var pending = await Db.StreamPendingMessagesAsync(_options.StreamName, _options.ConsumerGroup, 1, RedisValue.Null, id, id);
        return pending.Length == 0 ? 1 : pending[0].DeliveryCount;
    }

    private async Task HandleAsync(StreamEntry entry, int deliveries, CancellationToken stoppingToken)
    {
        string id = entry.Id!;
        if (await _ledger.IsDoneAsync(id))
        {
            // Done before; its acknowledgement was lost.
            await AcknowledgeAsync(entry.Id);
            return;
        }

        var request = ProcessingRequest.Parse(entry[DataField], out var malformed);
        if (request is null)
        {
            await DeadLetterAsync(entry, malformed, deliveries);
            return;
        }

        if (deliveries > _options.MaxDeliveries)
        {
            var last = await _ledger.LastErrorAsync(id);
            await DeadLetterAsync(entry, $"gave up after {deliveries - 1} deliveries: {last ?? "no outcome came back (its silo stopped)"}", deliveries - 1);
            return;
        }

        var outcome = await handler.HandleAsync(request);
        stoppingToken.ThrowIfCancellationRequested();
        if (outcome.Error is null)
        {
            await _ledger.MarkDoneAsync(id);
            await AcknowledgeAsync(entry.Id);
            metrics.Done();
        }
        else if (outcome.Permanent)
        {
            await DeadLetterAsync(entry, outcome.Error, deliveries);
        }
        else
        {
            // Left pending: claimed again once idle for ClaimIdleAfter, here or on another silo.
            await _ledger.RecordErrorAsync(id, outcome.Error);
            metrics.Retry();
            logger.LogWarning(
                "Processing request {Id} ({Camera}, {Action}) failed on delivery {Delivery} of {Max}: {Error}",
                entry.Id, request.CameraId, request.Action, deliveries, _options.MaxDeliveries, outcome.Error);
        }
    }

    private async Task AcknowledgeAsync(RedisValue id)
    {
        await Db.StreamAcknowledgeAsync(_options.StreamName, _options.ConsumerGroup, id);
        // Acknowledged entries are deleted, so the stream holds only work not yet done.
        await Db.StreamDeleteAsync(_options.StreamName, [id]);
        await _ledger.ForgetAsync(id!);
    }

    private async Task DeadLetterAsync(StreamEntry entry, string reason, int deliveries)
    {
        var original = entry[DataField];
        NameValueEntry[] fields =
        [
            new("id", entry.Id),
            new(DataField, original.IsNull ? JsonSerializer.Serialize(entry.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString())) : original),
            new("reason", reason),
            new("deliveries", deliveries),
            new("deadAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
        ];
        await Db.StreamAddAsync(_options.DeadLetterStreamName, fields, maxLength: _options.DeadLetterMaxLength, useApproximateMaxLength: true);
        await AcknowledgeAsync(entry.Id);
        metrics.DeadLetter();
        logger.LogWarning("Processing request {Id} dead-lettered to {Stream}: {Reason}", entry.Id, _options.DeadLetterStreamName, reason);
    }
}
