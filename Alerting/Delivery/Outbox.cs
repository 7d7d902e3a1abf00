namespace VibeCheck.Alerting;

/// <summary>A delivery of one notification to one channel, waiting to be sent or retried.</summary>
public sealed record OutboxItem
{
    /// <summary><c>{notification id}:{channel}</c>; the same on every attempt and after a restart.</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>Channel name.</summary>
    public string Channel { get; init; } = "";

    /// <summary>What to send.</summary>
    public Notification Notification { get; init; } = new();

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When it was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Not before this time.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Reason of the last failure.</summary>
    public string? LastError { get; init; }
}

/// <summary>A delivery given up on, with the reason; listed over the API.</summary>
public sealed record DeadLetter
{
    /// <summary>The item as it was at the last attempt.</summary>
    public OutboxItem Item { get; init; } = new();

    /// <summary>Why it was given up.</summary>
    public string Reason { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset DeadAt { get; init; }
}

/// <summary>One attempt, successful or not; the delivery history of <c>GET /alerts/{id}</c>.</summary>
public sealed record DeliveryRecord
{
    /// <summary>Idempotency key of the item.</summary>
    public string IdempotencyKey { get; init; } = "";

    /// <summary>Notification id.</summary>
    public string NotificationId { get; init; } = "";

    /// <summary>Channel.</summary>
    public string Channel { get; init; } = "";

    /// <summary>Fingerprints of the alerts carried.</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    /// <summary>Attempt number (1-based).</summary>
    public int Attempt { get; init; }

    /// <summary>Outcome.</summary>
    public DeliveryOutcome Outcome { get; init; }

    /// <summary>What happened.</summary>
    public string Reason { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// At-least-once delivery state: pending items, dead letters and recent history. Immutable; persist it in the
/// same grain-state write as the <see cref="AlertingState"/> whose notifications it received.
/// </summary>
public sealed record Outbox
{
    /// <summary>Deliveries still to make.</summary>
    public IReadOnlyList<OutboxItem> Pending { get; init; } = [];

    /// <summary>Deliveries given up on, newest last.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters { get; init; } = [];

    /// <summary>Recent attempts, newest last.</summary>
    public IReadOnlyList<DeliveryRecord> History { get; init; } = [];

    /// <summary>
    /// Adds one item per notification and channel, due now. A notification without channels becomes a dead
    /// letter at once, so nothing disappears silently. Keys already pending are not added twice.
    /// </summary>
    public Outbox Enqueue(IEnumerable<Notification> notifications, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var pending = Pending.ToList();
        var dead = DeadLetters.ToList();
        var keys = pending.Select(p => p.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            if (notification.Channels.Count == 0)
            {
                dead.Add(new DeadLetter
                {
                    Item = new OutboxItem { IdempotencyKey = notification.IdempotencyKeyFor("none"), Notification = notification, EnqueuedAt = now, NextAttemptAt = now },
                    Reason = $"no configured channel for {notification.Tier} {notification.Kind} notifications",
                    DeadAt = now,
                });
                continue;
            }

            foreach (var channel in notification.Channels)
            {
                var key = notification.IdempotencyKeyFor(channel);
                if (keys.Add(key))
                {
                    pending.Add(new OutboxItem { IdempotencyKey = key, Channel = channel, Notification = notification, EnqueuedAt = now, NextAttemptAt = now });
                }
            }
        }

        return this with { Pending = pending, DeadLetters = dead };
    }

    /// <summary>Earliest <see cref="OutboxItem.NextAttemptAt"/>, or null when nothing is pending; when to run the worker next.</summary>
    public DateTimeOffset? NextDueAt() => Pending.Count == 0 ? null : Pending.Min(p => p.NextAttemptAt);

    /// <summary>History records of the alert with this fingerprint.</summary>
    public IReadOnlyList<DeliveryRecord> HistoryOf(string fingerprint) =>
        [.. History.Where(h => h.Fingerprints.Contains(fingerprint))];
}
