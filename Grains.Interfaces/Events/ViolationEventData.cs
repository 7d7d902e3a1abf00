using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Grains.Interfaces.Events;

/// <summary>The <c>data</c> of the <c>org.vibecheck.violation.*</c> events (schema: <c>violation.schema.json</c>).</summary>
public sealed record ViolationEventData(
    string EpisodeId,
    Guid CameraId,
    string CameraName,
    string Borough,
    string Type,
    string Zone,
    ViolationEpisodeStatus Status,
    ViolationTier Tier,
    double Confidence,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string Detector,
    IReadOnlyList<string> FrameHashes);
