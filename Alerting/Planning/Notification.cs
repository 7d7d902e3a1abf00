namespace VibeCheck.Alerting;

/// <summary>Why a notification was made.</summary>
public enum NotificationKind
{
    /// <summary>A group's regular notification (new, changed, resolved or repeated alerts).</summary>
    Group = 0,

    /// <summary>An unacknowledged HIGH alert passed the escalation time.</summary>
    Escalation = 1,
}

/// <summary>Snapshot of one alert as sent.</summary>
public sealed record NotifiedAlert
{
    /// <summary>Alert identity.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Firing or resolved at the time of the notification.</summary>
    public AlertStatus Status { get; init; }

    /// <summary>Tier at the time of the notification.</summary>
    public AlertTier Tier { get; init; }

    /// <summary>Identity labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Start of firing.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>End, when resolved.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Snapshot of an alert.</summary>
    public static NotifiedAlert From(Alert alert) => new()
    {
        Fingerprint = alert.Fingerprint,
        Status = alert.Status,
        Tier = alert.Tier,
        Labels = alert.Labels,
        Annotations = alert.Annotations,
        StartsAt = alert.StartsAt,
        EndsAt = alert.EndsAt,
    };
}

/// <summary>One message the planner decided to send, to every channel in <see cref="Channels"/>.</summary>
public sealed record Notification
{
    /// <summary>Unique, stable id (<c>{scope}-{sequence}</c>); the idempotency keys derive from it.</summary>
    public string Id { get; init; } = "";

    /// <summary>Regular or escalation.</summary>
    public NotificationKind Kind { get; init; }

    /// <summary>Group key.</summary>
    public string GroupKey { get; init; } = "";

    /// <summary>Grouping labels and values.</summary>
    public IReadOnlyDictionary<string, string> GroupLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Firing when any alert fires, otherwise resolved.</summary>
    public AlertStatus Status { get; init; }

    /// <summary>Highest tier among the alerts; chose the channels.</summary>
    public AlertTier Tier { get; init; }

    /// <summary>The alerts, firing first.</summary>
    public IReadOnlyList<NotifiedAlert> Alerts { get; init; } = [];

    /// <summary>Channels to deliver to.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>When it was planned.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Base URL of the gateway (Alertmanager's externalURL), or empty.</summary>
    public string ExternalUrl { get; init; } = "";

    /// <summary>The idempotency key of this notification on a channel: <c>{Id}:{channel}</c>.</summary>
    public string IdempotencyKeyFor(string channel) => $"{Id}:{channel}";

    /// <summary>Link to an alert: its <c>link</c> annotation, else <c>{ExternalUrl}/alerts/{fingerprint}</c>, else empty.</summary>
    public string LinkFor(NotifiedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Annotations.TryGetValue(AlertLabels.Link, out var link) && !string.IsNullOrEmpty(link))
        {
            return link;
        }

        return string.IsNullOrEmpty(ExternalUrl) ? "" : $"{ExternalUrl.TrimEnd('/')}/alerts/{alert.Fingerprint}";
    }
}

/// <summary>Result of <see cref="NotificationPlanner.Plan"/>: the state to persist and what to send.</summary>
/// <param name="State">New state; persist it together with the outbox that receives <paramref name="Notifications"/>.</param>
/// <param name="Notifications">Notifications to enqueue, in order.</param>
public sealed record NotificationPlan(AlertingState State, IReadOnlyList<Notification> Notifications);
