using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Interfaces.Forecasting;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// What the camera still has to hand on, and the numbering that keeps repeats recognisable: a section of
/// <see cref="CameraState"/>. The drain (<c>CameraGrain.Drain.cs</c>) empties it.
/// </summary>
public sealed class CameraOutbox
{
    /// <summary>Sequence of the next violation report; camera-wide, so it also increases per episode.</summary>
    public long NextReportSequence { get; set; } = 1;

    /// <summary>Violation reports not yet acknowledged by their <c>IViolationGrain</c>, oldest first.</summary>
    public List<ViolationEpisodeReport> PendingViolationReports { get; set; } = [];

    /// <summary>Violation reports acknowledged so far (with the pending ones, what a test checks nothing was lost against).</summary>
    public long ViolationReportsSent { get; set; }

    /// <summary>Closed buckets not yet acknowledged by the camera's <c>ICameraForecastGrain</c>, oldest first.</summary>
    public List<ActivityBucketReport> PendingActivityReports { get; set; } = [];

    /// <summary>Closed buckets acknowledged so far.</summary>
    public long ActivityReportsSent { get; set; }

    /// <summary>Health changes so far; numbers the health events, so a repeated publish carries the same id.</summary>
    public long HealthChanges { get; set; }

    /// <summary>Health events not yet accepted by the events backend, oldest first.</summary>
    public List<PendingEvent> PendingEvents { get; set; } = [];
}
