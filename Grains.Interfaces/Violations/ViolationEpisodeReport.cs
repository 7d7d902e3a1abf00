namespace VibeCheck.Grains.Interfaces.Violations;

/// <summary>
/// What a camera grain tells a <see cref="IViolationGrain"/> each time one of its violation episodes opens, is
/// updated or resolves. Reports are idempotent: the same (EpisodeId, Sequence) may arrive more than once (the camera
/// retries until acknowledged) and must be applied once.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.violation-episode-report")]
public sealed record ViolationEpisodeReport(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] Guid CameraId,
    [property: Id(3)] string CameraName,
    [property: Id(4)] string Borough,
    [property: Id(5)] string Type,
    [property: Id(6)] string Zone,
    [property: Id(7)] ViolationEpisodeStatus Status,
    [property: Id(8)] double Confidence,
    [property: Id(9)] DateTimeOffset StartedAt,
    [property: Id(10)] DateTimeOffset? EndedAt,
    [property: Id(11)] DateTimeOffset ObservedAt,
    [property: Id(12)] IReadOnlyList<string> FrameHashes,
    [property: Id(13)] IReadOnlyList<DetectionSummary> Boxes,
    [property: Id(14)] string Detector);
