namespace VibeCheck.Grains.Interfaces;

/// <summary>How a request to process a camera ended.</summary>
[GenerateSerializer, Alias("vibecheck.process-outcome")]
public enum ProcessOutcome
{
    Processed,
    NotRegistered,
    FetchFailed,
}

/// <summary>The answer to "process this camera now".</summary>
/// <param name="CacheHit">True when no new analysis was needed: within the refresh period, an unchanged frame, or a frame analysed before.</param>
/// <param name="FrameTakenAt">When the camera took the frame (its Last-Modified), else when it was fetched.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.process-result")]
public sealed record ProcessResult(
    [property: Id(0)] ProcessOutcome Outcome,
    [property: Id(1)] Guid CameraId,
    [property: Id(2)] string? FrameHash,
    [property: Id(3)] bool CacheHit,
    [property: Id(4)] DateTimeOffset? FrameTakenAt,
    [property: Id(5)] FrameAnalysisSummary? Analysis,
    [property: Id(6)] double ElapsedMs,
    [property: Id(7)] string? Error,
    [property: Id(8)] CameraHealth Health);
