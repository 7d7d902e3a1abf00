namespace VibeCheck.Vision.Activity;

/// <summary>
/// One camera's activity in one 5-minute bucket: the series the forecaster reads. Object counts are given both as
/// object-frames (sum over frames: "how much traffic") and as the per-frame peak ("how many at once"), because the
/// same parked car appears in every frame.
/// </summary>
public sealed record ActivityBucket
{
    /// <summary>Bucket start, UTC, aligned to 5 minutes.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>Frames analysed in the bucket.</summary>
    public int Frames { get; init; }

    /// <summary>Per label, detections summed over frames.</summary>
    public IReadOnlyDictionary<string, int> ObjectFrames { get; init; } = new Dictionary<string, int>();

    /// <summary>Per label, the largest count in one frame.</summary>
    public IReadOnlyDictionary<string, int> PeakObjects { get; init; } = new Dictionary<string, int>();

    /// <summary>Per violation type, episodes opened in the bucket.</summary>
    public IReadOnlyDictionary<string, int> ViolationsOpened { get; init; } = new Dictionary<string, int>();
}
