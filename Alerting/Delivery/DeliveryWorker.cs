using Microsoft.Extensions.Logging;

namespace VibeCheck.Alerting;

/// <summary>
/// Sends the due items of an <see cref="Outbox"/> through the channels and returns the new outbox: delivered
/// items leave, transient failures are rescheduled with backoff, permanent failures and spent retries become
/// dead letters. Every call is bounded by <see cref="DeliveryOptions.AttemptTimeout"/>.
/// </summary>
public sealed class DeliveryWorker
{
    private readonly Dictionary<string, IAlertChannel> channels;
    private readonly DeliveryOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<DeliveryWorker> logger;

    /// <summary>Creates a worker over the given channels.</summary>
    public DeliveryWorker(IEnumerable<IAlertChannel> channels, DeliveryOptions options, TimeProvider time, ILogger<DeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(channels);
        this.channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Names of the channels this worker can deliver to.</summary>
    public IReadOnlyCollection<string> ChannelNames => channels.Keys;

    /// <summary>
    /// Sends up to <see cref="DeliveryOptions.BatchSize"/> due items, one after the other. On cancellation it
    /// stops and returns what it has done; unsent items stay pending with their attempt count unchanged.
    /// </summary>
    public async Task<Outbox> DeliverDueAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var now = time.GetUtcNow();
        var due = outbox.Pending.Where(p => p.NextAttemptAt <= now).OrderBy(p => p.NextAttemptAt).Take(options.BatchSize).ToList();
        var pending = outbox.Pending.ToList();
        var dead = outbox.DeadLetters.ToList();
        var history = outbox.History.ToList();

        foreach (var item in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            DeliveryResult result;
            try
            {
                result = await AttemptAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var at = time.GetUtcNow();
            var attempt = item.Attempts + 1;
            history.Add(new DeliveryRecord
            {
                IdempotencyKey = item.IdempotencyKey,
                NotificationId = item.Notification.Id,
                Channel = item.Channel,
                Fingerprints = item.Notification.Alerts.Select(a => a.Fingerprint).ToArray(),
                Attempt = attempt,
                Outcome = result.Outcome,
                Reason = result.Reason,
                At = at,
            });
            var index = pending.FindIndex(p => p.IdempotencyKey == item.IdempotencyKey);
            var tried = item with { Attempts = attempt, LastError = result.Outcome == DeliveryOutcome.Success ? null : result.Reason };

            if (result.Outcome == DeliveryOutcome.Success)
            {
                pending.RemoveAt(index);
                logger.LogInformation("Delivered {Key} via {Channel} on attempt {Attempt}", item.IdempotencyKey, item.Channel, attempt);
            }
            else if (result.Outcome == DeliveryOutcome.Permanent || attempt >= options.MaxAttempts)
            {
                pending.RemoveAt(index);
                var reason = result.Outcome == DeliveryOutcome.Permanent
                    ? result.Reason
                    : $"gave up after {attempt} attempts: {result.Reason}";
                dead.Add(new DeadLetter { Item = tried, Reason = reason, DeadAt = at });
                logger.LogWarning("Dead-lettered {Key} via {Channel}: {Reason}", item.IdempotencyKey, item.Channel, reason);
            }
            else
            {
                var delay = RetrySchedule.Delay(attempt, item.IdempotencyKey, options);
                pending[index] = tried with { NextAttemptAt = at + delay };
                logger.LogInformation("Delivery {Key} via {Channel} failed ({Reason}); retry in {Delay}", item.IdempotencyKey, item.Channel, result.Reason, delay);
            }
        }

        return outbox with
        {
            Pending = pending,
            DeadLetters = dead.TakeLast(options.DeadLetterLimit).ToList(),
            History = history.TakeLast(options.HistoryLimit).ToList(),
        };
    }

    private async Task<DeliveryResult> AttemptAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (!channels.TryGetValue(item.Channel, out var channel))
        {
            return DeliveryResult.Permanent($"no channel registered named '{item.Channel}'");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AttemptTimeout);
        try
        {
            return await channel.SendAsync(item.Notification, item.IdempotencyKey, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"attempt timed out after {options.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Channel {Channel} threw for {Key}", item.Channel, item.IdempotencyKey);
            return DeliveryResult.Transient($"channel error: {e.GetType().Name}: {e.Message}");
        }
    }
}
