namespace VibeCheck.Grains.Interfaces;

/// <summary>A camera grain's state, as the gateway shows it.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-snapshot")]
public sealed record CameraSnapshot(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] CameraRegistration? Registration,
    [property: Id(2)] bool Watched,
    [property: Id(3)] CameraHealth Health,
    [property: Id(4)] DateTimeOffset? HealthSince,
    [property: Id(5)] string? LastFrameHash,
    [property: Id(6)] DateTimeOffset? LastFrameTakenAt,
    [property: Id(7)] DateTimeOffset? LastCheckedAt,
    [property: Id(8)] string? LastError,
    [property: Id(9)] int ConsecutiveFailures,
    [property: Id(10)] CameraCounters Counters,
    [property: Id(11)] FrameAnalysisSummary? LastAnalysis);

/// <summary>
/// Counts of one camera's polls since <c>Since</c>, when its current activation began (a restart or a crash starts
/// them again; the metrics keep the lasting totals). <c>CacheHits</c> and <c>CacheMisses</c> count only requests for
/// its analysis (answered without or with a new analysis), not its own timed polls.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-counters")]
public sealed record CameraCounters(
    [property: Id(0)] long Fetches,
    [property: Id(1)] long FetchFailures,
    [property: Id(2)] long FramesAnalysed,
    [property: Id(3)] long FramesUnchanged,
    [property: Id(4)] long CacheHits,
    [property: Id(5)] long CacheMisses,
    [property: Id(6)] DateTimeOffset Since);
