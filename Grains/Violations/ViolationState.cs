using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Violations;

/// <summary>Persisted state of one violation episode (Newtonsoft JSON; do not rename members).</summary>
public sealed class ViolationState
{
    /// <summary>Highest report sequence applied; lower or equal sequences are repeats.</summary>
    public long LastSequence { get; set; } = -1;

    /// <summary>Sequence whose alert update the AlertGrain has acknowledged.</summary>
    public long ForwardedSequence { get; set; } = -1;

    /// <summary>Sequence whose row the warehouse has acknowledged; below <see cref="LastSequence"/> a write is owed.</summary>
    public long WarehouseSequence { get; set; } = -1;

    public string EpisodeId { get; set; } = "";
    public Guid CameraId { get; set; }
    public string CameraName { get; set; } = "";
    public string Borough { get; set; } = "";
    public string Type { get; set; } = "";
    public string Zone { get; set; } = "";
    public string Detector { get; set; } = "";

    /// <summary>open, updated or resolved.</summary>
    public string Lifecycle { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset LastObservedAt { get; set; }

    /// <summary>Confidence history and the tier reached (never lowered while open).</summary>
    public EpisodeConfidence Confidence { get; set; } = new();

    /// <summary>Evidence frames, oldest first, bounded.</summary>
    public List<string> FrameHashes { get; set; } = [];

    /// <summary>Boxes of the latest report.</summary>
    public List<DetectionSummary> Boxes { get; set; } = [];

    /// <summary>Tier last sent to the AlertGrain; LOW episodes are never forwarded.</summary>
    public AlertTier? ForwardedTier { get; set; }

    /// <summary>Whether the resolution was forwarded.</summary>
    public bool ForwardedResolved { get; set; }

    /// <summary>Events of the episode not yet accepted by the events backend, oldest first.</summary>
    public List<PendingEvent> PendingEvents { get; set; } = [];

    /// <summary>The confidence alerts, rows and events carry: the robust peak, or the latest score before one exists.</summary>
    public double ReportedConfidence() => Confidence.PeakRobustScore > 0 ? Confidence.PeakRobustScore : Confidence.RecentScores.LastOrDefault();
}
