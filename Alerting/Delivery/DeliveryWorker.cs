using Microsoft.Extensions.Logging;

namespace VibeCheck.Alerting;

/// <summary>
/// Sends the due items of an <see cref="Outbox"/> through the channels and applies the outcomes: delivered items
/// leave, transient failures are rescheduled with backoff, permanent failures and spent retries become dead
/// letters. Every call is bounded by <see cref="DeliveryOptions.AttemptTimeout"/>. Sending and applying are
/// separate steps (<see cref="SendAsync"/>, <see cref="Apply"/>) so that a grain can send outside its turn.
/// </summary>
public sealed class DeliveryWorker
{
    private readonly Dictionary<string, IAlertChannel> _channels;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryWorker> _logger;

    /// <summary>Creates a worker over the given channels.</summary>
    public DeliveryWorker(IEnumerable<IAlertChannel> channels, DeliveryOptions options, TimeProvider time, ILogger<DeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The bound of one send (<see cref="DeliveryOptions.AttemptTimeout"/>).</summary>
    public TimeSpan AttemptTimeout => _options.AttemptTimeout;

    /// <summary>Names of the channels this worker can deliver to.</summary>
    public IReadOnlyCollection<string> ChannelNames => _channels.Keys;

    /// <summary>
    /// Sends up to <see cref="DeliveryOptions.BatchSize"/> due items, one after the other, and applies the outcomes.
    /// On cancellation it stops and returns what it has done; unsent items stay pending with their attempt count
    /// unchanged.
    /// </summary>
    public async Task<Outbox> DeliverDueAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var attempts = new List<DeliveryAttempt>();
        foreach (var item in Due(outbox, new HashSet<string>(StringComparer.Ordinal)))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                attempts.Add(await SendAsync(item, cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return Apply(outbox, attempts);
    }

    /// <summary>Up to <see cref="DeliveryOptions.BatchSize"/> items due now, oldest due first, other than <paramref name="inFlight"/>.</summary>
    public IReadOnlyList<OutboxItem> Due(Outbox outbox, IReadOnlySet<string> inFlight)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var now = _time.GetUtcNow();
        return outbox.Pending
            .Where(p => p.NextAttemptAt <= now && !inFlight.Contains(p.IdempotencyKey))
            .OrderBy(p => p.NextAttemptAt)
            .Take(_options.BatchSize)
            .ToList();
    }

    /// <summary>
    /// Sends one item, bounded by <see cref="DeliveryOptions.AttemptTimeout"/>. Touches no state: the caller applies
    /// the attempt with <see cref="Apply"/>, so sends can run outside the turn of whoever owns the outbox.
    /// </summary>
    public async Task<DeliveryAttempt> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await AttemptAsync(item, cancellationToken).ConfigureAwait(false);
        return new DeliveryAttempt(item.IdempotencyKey, item.Attempts + 1, result, _time.GetUtcNow());
    }

    /// <summary>
    /// The outbox after <paramref name="attempts"/>: delivered items leave, transient failures are rescheduled with
    /// backoff, permanent failures and spent retries become dead letters, every attempt enters the history. An
    /// attempt whose item is gone or has moved on (applied before, say by a reactivated owner) is ignored, so
    /// applying twice changes nothing; when nothing applies, the same instance comes back.
    /// </summary>
    public Outbox Apply(Outbox outbox, IReadOnlyList<DeliveryAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(attempts);
        var pending = outbox.Pending.ToList();
        var dead = outbox.DeadLetters.ToList();
        var history = outbox.History.ToList();
        var applied = 0;
        foreach (var (key, attempt, result, at) in attempts)
        {
            var index = pending.FindIndex(p => p.IdempotencyKey == key);
            if (index < 0 || pending[index].Attempts != attempt - 1)
            {
                continue;
            }

            applied++;

            var item = pending[index];
            history.Add(new DeliveryRecord
            {
                IdempotencyKey = key,
                NotificationId = item.Notification.Id,
                Channel = item.Channel,
                Fingerprints = item.Notification.Alerts.Select(a => a.Fingerprint).ToArray(),
                Attempt = attempt,
                Outcome = result.Outcome,
                Reason = result.Reason,
                At = at,
            });
            var tried = item with { Attempts = attempt, LastError = result.Outcome == DeliveryOutcome.Success ? null : result.Reason };
            if (result.Outcome == DeliveryOutcome.Success)
            {
                pending.RemoveAt(index);
                _logger.LogInformation("Delivered {Key} via {Channel} on attempt {Attempt}", key, item.Channel, attempt);
            }
            else if (result.Outcome == DeliveryOutcome.Permanent || attempt >= _options.MaxAttempts)
            {
                pending.RemoveAt(index);
                var reason = result.Outcome == DeliveryOutcome.Permanent
                    ? result.Reason
                    : $"gave up after {attempt} attempts: {result.Reason}";
                dead.Add(new DeadLetter { Item = tried, Reason = reason, DeadAt = at });
                _logger.LogWarning("Dead-lettered {Key} via {Channel}: {Reason}", key, item.Channel, reason);
            }
            else
            {
                var delay = RetrySchedule.Delay(attempt, key, _options);
                pending[index] = tried with { NextAttemptAt = at + delay };
                _logger.LogInformation("Delivery {Key} via {Channel} failed ({Reason}); retry in {Delay}", key, item.Channel, result.Reason, delay);
            }
        }

        return applied == 0 ? outbox : outbox with
        {
            Pending = pending,
            DeadLetters = dead.TakeLast(_options.DeadLetterLimit).ToList(),
            History = history.TakeLast(_options.HistoryLimit).ToList(),
        };
    }

    private async Task<DeliveryResult> AttemptAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(item.Channel, out var channel))
        {
            return DeliveryResult.Permanent($"no channel registered named '{item.Channel}'");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            return await channel.SendAsync(item.Notification, item.IdempotencyKey, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"attempt timed out after {_options.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Channel {Channel} threw for {Key}", item.Channel, item.IdempotencyKey);
            return DeliveryResult.Transient($"channel error: {e.GetType().Name}: {e.Message}");
        }
    }
}
