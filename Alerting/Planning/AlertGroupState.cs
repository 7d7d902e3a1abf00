namespace VibeCheck.Alerting;

/// <summary>Notification bookkeeping of one alert group (Alertmanager's aggregation group and notification log).</summary>
public sealed record AlertGroupState
{
    /// <summary>Key built from the grouping labels, e.g. <c>{camera="42",type="bike_lane"}</c>.</summary>
    public string GroupKey { get; init; } = "";

    /// <summary>The grouping labels and their values.</summary>
    public IReadOnlyDictionary<string, string> GroupLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>When the group was formed.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Next time the group may notify (group wait, then group interval).</summary>
    public DateTimeOffset NextFlushAt { get; init; }

    /// <summary>Last notification of the group; null before the first.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>Fingerprint and tier of each alert sent as firing in the last notification.</summary>
    public IReadOnlyDictionary<string, AlertTier> NotifiedFiring { get; init; } = new Dictionary<string, AlertTier>();
}
