using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;
using VibeCheck.Vision.Activity;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// What the camera sees and the detection memory built from it: a section of <see cref="CameraState"/>.
/// </summary>
public sealed class CameraSight
{
    public string? LastFrameHash { get; set; }
    public DateTimeOffset? LastFrameTakenAt { get; set; }
    public string? LastPerceptualHash { get; set; }
    public int UnchangedPictureStreak { get; set; }
    public int IdenticalFrameStreak { get; set; }
    public FrameAnalysisSummary? LastAnalysis { get; set; }

    /// <summary>The camera's zones, as accepted by <c>SetZones</c>; passed to the analyser and the rules.</summary>
    public List<Zone> Zones { get; set; } = [];

    /// <summary>The object tracker's tracks (standing vehicles and how long they have stood); null before the first frame.</summary>
    public TrackerState? Tracks { get; set; }

    /// <summary>The episode tracker's memory: candidates building up and open episodes.</summary>
    public EpisodeTrackerState Episodes { get; set; } = new();

    /// <summary>The most recently resolved episodes, newest last (at most <c>CameraDetection.MaxResolvedEpisodes</c>).</summary>
    public List<ViolationEpisode> ResolvedEpisodes { get; set; } = [];

    /// <summary>The 5-minute activity bucket being filled (and any not yet closed).</summary>
    public List<ActivityBucket> ActivityBuckets { get; set; } = [];

    /// <summary>Start of the latest bucket closed and queued for the forecaster; older frames are not counted again.</summary>
    public DateTimeOffset? LastClosedBucketStart { get; set; }
}
