using VibeCheck.Grains.Interfaces;

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

    /// <summary>Reserved for violation episodes (filled by the detection work).</summary>
    public List<string> OpenEpisodeIds { get; set; } = [];

    /// <summary>Reserved for forecast horizons (filled by the forecasting work), keyed by minutes ahead.</summary>
    public Dictionary<int, double> ForecastByHorizon { get; set; } = [];
}
