using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Interfaces.Forecasting;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision;
using VibeCheck.Vision.Activity;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// A camera grain's persisted state (Redis hash <c>{ServiceId}/state/camera/{id}/camera</c>). Stored as JSON with
/// the type name inside: rename nothing here without a migration.
/// </summary>
public sealed class CameraState
{
    public CameraRegistration? Registration { get; set; }
    public bool Watched { get; set; }
    public bool Removed { get; set; }
    public CameraHealth Health { get; set; }
    public DateTimeOffset? HealthSince { get; set; }
    public string? LastFrameHash { get; set; }
    public DateTimeOffset? LastFrameTakenAt { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public string? LastPerceptualHash { get; set; }
    public int UnchangedPictureStreak { get; set; }
    public int IdenticalFrameStreak { get; set; }
    public FrameAnalysisSummary? LastAnalysis { get; set; }
    public long Fetches { get; set; }
    public long FetchFailures { get; set; }
    public long FramesAnalysed { get; set; }
    public long FramesUnchanged { get; set; }
    public long CacheHits { get; set; }
    public long CacheMisses { get; set; }

    /// <summary>The camera's zones, as accepted by <c>SetZones</c>; passed to the analyser and the rules.</summary>
    public List<Zone> Zones { get; set; } = [];

    /// <summary>The object tracker's tracks (standing vehicles and how long they have stood); null before the first frame.</summary>
    public TrackerState? Tracks { get; set; }

    /// <summary>The episode tracker's memory: candidates building up and open episodes.</summary>
    public EpisodeTrackerState Episodes { get; set; } = new();

    /// <summary>The most recently resolved episodes, newest last (at most <c>CameraDetection.MaxResolvedEpisodes</c>).</summary>
    public List<ViolationEpisode> ResolvedEpisodes { get; set; } = [];

    /// <summary>Sequence of the next violation report; camera-wide, so it also increases per episode.</summary>
    public long NextReportSequence { get; set; } = 1;

    /// <summary>Violation reports not yet acknowledged by their <c>IViolationGrain</c>, oldest first.</summary>
    public List<ViolationEpisodeReport> PendingViolationReports { get; set; } = [];

    /// <summary>Violation reports acknowledged so far.</summary>
    public long ViolationReportsSent { get; set; }

    /// <summary>The 5-minute activity bucket being filled (and any not yet closed).</summary>
    public List<ActivityBucket> ActivityBuckets { get; set; } = [];

    /// <summary>Start of the latest bucket closed and queued for the forecaster; older frames are not counted again.</summary>
    public DateTimeOffset? LastClosedBucketStart { get; set; }

    /// <summary>Closed buckets not yet acknowledged by the camera's <c>ICameraForecastGrain</c>, oldest first.</summary>
    public List<ActivityBucketReport> PendingActivityReports { get; set; } = [];

    /// <summary>Closed buckets acknowledged so far.</summary>
    public long ActivityReportsSent { get; set; }

    /// <summary>Health changes so far; numbers the health events, so a repeated publish carries the same id.</summary>
    public long HealthChanges { get; set; }

    /// <summary>Health events not yet accepted by the events backend, oldest first.</summary>
    public List<PendingEvent> PendingEvents { get; set; } = [];
}
