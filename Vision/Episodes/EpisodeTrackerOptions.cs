using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Episodes;

/// <summary>
/// Episode lifecycle thresholds. Defaults assume one frame every ~2 s: an episode opens after 3 consecutive
/// supporting frames (~6 s; double parking 10 frames, ~20 s, so that a drop-off at a light is not reported) and
/// ends 30 s after its last supporting frame.
/// </summary>
public sealed record EpisodeTrackerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Episodes";

    /// <summary>Consecutive supporting frames before an episode opens.</summary>
    public int MinConsecutiveFrames { get; init; } = 3;

    /// <summary>Per violation type overrides of <see cref="MinConsecutiveFrames"/>.</summary>
    public IReadOnlyDictionary<string, int> MinConsecutiveFramesByType { get; init; } =
        new Dictionary<string, int> { [ViolationTypes.DoubleParking] = 10 };

    /// <summary>An open episode ends when no frame has supported it for longer than this.</summary>
    public TimeSpan EndCutoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A gap between frames longer than this breaks a run of consecutive frames (camera outage).</summary>
    public TimeSpan MaxFrameGap { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Boxes in consecutive frames belong to the same object when their IoU is at least this. At one frame per 2 s a
    /// moving car never overlaps itself, so only stopped or crawling vehicles build up support.
    /// </summary>
    public double MatchIoU { get; init; } = 0.3;

    /// <summary>Types matched by zone alone rather than by box overlap: pedestrians move between frames.</summary>
    public IReadOnlyList<string> ZoneMatchedTypes { get; init; } = [ViolationTypes.PedestrianInRoadway];

    /// <summary>Frame scores kept for the median in the confidence.</summary>
    public int ScoreWindow { get; init; } = 15;

    /// <summary>Evidence entries kept per episode: the first frames and the most recent ones.</summary>
    public int MaxEvidence { get; init; } = 12;

    /// <summary>Consecutive frames needed for <paramref name="type"/>.</summary>
    public int FramesToOpen(string type) =>
        Math.Max(1, MinConsecutiveFramesByType.TryGetValue(type, out var n) ? n : MinConsecutiveFrames);

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinConsecutiveFrames < 1 || MinConsecutiveFramesByType.Values.Any(v => v < 1)) errors.Add("MinConsecutiveFrames and every MinConsecutiveFramesByType value (frames to open an episode) must be at least 1.");
        if (EndCutoff <= TimeSpan.Zero) errors.Add("EndCutoff must be positive.");
        if (MaxFrameGap <= TimeSpan.Zero) errors.Add("MaxFrameGap must be positive.");
        if (MatchIoU is <= 0 or > 1) errors.Add("MatchIoU must be in (0, 1].");
        if (ScoreWindow < 1) errors.Add("ScoreWindow must be at least 1.");
        if (MaxEvidence < 2) errors.Add("MaxEvidence must be at least 2.");
        return errors;
    }
}
