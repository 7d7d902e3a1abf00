namespace VibeCheck.Alerting;

/// <summary>
/// One alert as held in <see cref="AlertingState"/>: identity labels, annotations, tier and lifecycle.
/// Plain get/init properties so that grain state persists it with Newtonsoft.Json unchanged.
/// </summary>
public sealed record Alert
{
    /// <summary>Identity, from <see cref="AlertFingerprint.Compute"/> over <see cref="Labels"/>; also the alert id of the API.</summary>
    public string Fingerprint { get; init; } = "";

    /// <summary>Identity labels (camera, type, episode, ...); the tier is not one of them, so a rising tier keeps the identity.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Descriptive texts: summary, confidence, link.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Current tier; only ever rises while the alert fires.</summary>
    public AlertTier Tier { get; init; }

    /// <summary>When the alert started firing (again).</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>When it was resolved; null while firing.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Last time the source reported it.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>First notification that carried it while firing.</summary>
    public DateTimeOffset? FirstNotifiedAt { get; init; }

    /// <summary>First notification that carried it as HIGH; the escalation clock starts here.</summary>
    public DateTimeOffset? HighNotifiedAt { get; init; }

    /// <summary>When an operator acknowledged it; acknowledged alerts neither escalate nor repeat.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When it was escalated to the second channel; an alert escalates once per firing.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>Status derived from <see cref="EndsAt"/>.</summary>
    public AlertStatus Status => EndsAt is null ? AlertStatus.Firing : AlertStatus.Resolved;

    /// <summary>Builds an alert, computing the fingerprint from the labels.</summary>
    public static Alert Create(
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> annotations,
        AlertTier tier,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotations);
        var copy = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        return new Alert
        {
            Fingerprint = AlertFingerprint.Compute(copy),
            Labels = copy,
            Annotations = new Dictionary<string, string>(annotations, StringComparer.Ordinal),
            Tier = tier,
            StartsAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The value of a label, or an empty string.</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
