using Newtonsoft.Json;
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
/// Reads the flat layout every camera wrote before its state was split into sections (until 2026-12-05), so a
/// deployment keeps each camera's zones, episodes and unsent reports. Newtonsoft fills these write-only properties when
/// an old record names them and never writes them back: the first write after a camera's activation stores the
/// sections, and the old names disappear. The old counters (<c>Fetches</c>, <c>CacheHits</c>, ...) are no longer read.
/// </summary>
public sealed partial class CameraState
{
    [JsonProperty] private CameraRegistration? Registration { set => Enrolment.Registration = value; }
    [JsonProperty] private bool Watched { set => Enrolment.Watched = value; }
    [JsonProperty] private bool Removed { set => Enrolment.Removed = value; }
    [JsonProperty] private CameraHealth Health { set => Enrolment.Health = value; }
    [JsonProperty] private DateTimeOffset? HealthSince { set => Enrolment.HealthSince = value; }
    [JsonProperty] private DateTimeOffset? LastCheckedAt { set => Enrolment.LastCheckedAt = value; }
    [JsonProperty] private string? LastError { set => Enrolment.LastError = value; }
    [JsonProperty] private int ConsecutiveFailures { set => Enrolment.ConsecutiveFailures = value; }

    [JsonProperty] private string? LastFrameHash { set => Sight.LastFrameHash = value; }
    [JsonProperty] private DateTimeOffset? LastFrameTakenAt { set => Sight.LastFrameTakenAt = value; }
    [JsonProperty] private string? LastPerceptualHash { set => Sight.LastPerceptualHash = value; }
    [JsonProperty] private int UnchangedPictureStreak { set => Sight.UnchangedPictureStreak = value; }
    [JsonProperty] private int IdenticalFrameStreak { set => Sight.IdenticalFrameStreak = value; }
    [JsonProperty] private FrameAnalysisSummary? LastAnalysis { set => Sight.LastAnalysis = value; }
    [JsonProperty] private List<Zone> Zones { set => Sight.Zones = value; }
    [JsonProperty] private TrackerState? Tracks { set => Sight.Tracks = value; }
    [JsonProperty] private EpisodeTrackerState Episodes { set => Sight.Episodes = value; }
    [JsonProperty] private List<ViolationEpisode> ResolvedEpisodes { set => Sight.ResolvedEpisodes = value; }
    [JsonProperty] private List<ActivityBucket> ActivityBuckets { set => Sight.ActivityBuckets = value; }
    [JsonProperty] private DateTimeOffset? LastClosedBucketStart { set => Sight.LastClosedBucketStart = value; }

    [JsonProperty] private long NextReportSequence { set => Outbox.NextReportSequence = value; }
    [JsonProperty] private List<ViolationEpisodeReport> PendingViolationReports { set => Outbox.PendingViolationReports = value; }
    [JsonProperty] private long ViolationReportsSent { set => Outbox.ViolationReportsSent = value; }
    [JsonProperty] private List<ActivityBucketReport> PendingActivityReports { set => Outbox.PendingActivityReports = value; }
    [JsonProperty] private long ActivityReportsSent { set => Outbox.ActivityReportsSent = value; }
    [JsonProperty] private long HealthChanges { set => Outbox.HealthChanges = value; }
    [JsonProperty] private List<PendingEvent> PendingEvents { set => Outbox.PendingEvents = value; }
}
