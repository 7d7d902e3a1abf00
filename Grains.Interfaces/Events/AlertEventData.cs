namespace VibeCheck.Grains.Interfaces.Events;

/// <summary>
/// The <c>data</c> of the <c>org.vibecheck.alert.*</c> events (schema: <c>alert.schema.json</c>): the alert as
/// <c>GET /alerts/{id}</c> names it, with its Alertmanager-style labels.
/// </summary>
public sealed record AlertEventData(
    string AlertId,
    string AlertName,
    string Tier,
    string Status,
    string? CameraId,
    string? EpisodeId,
    IReadOnlyDictionary<string, string> Labels,
    string? Summary,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt);
