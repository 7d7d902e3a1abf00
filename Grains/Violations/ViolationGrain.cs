using Microsoft.Extensions.Logging;
using VibeCheck.Alerting;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision.Episodes;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Violations;

/// <summary>
/// One violation episode: its confidence history, evidence and lifecycle. Decides the tier with
/// <see cref="TierPolicy"/> (robust, only rising), records the episode for the warehouse and forwards the alert
/// (MEDIUM and HIGH, and their resolution) to the <see cref="IAlertGrain"/>.
/// </summary>
public sealed class ViolationGrain(
    [PersistentState("violation", AlertStorageNames.Violations)] IPersistentState<ViolationState> state,
    TierPolicy tierPolicy,
    IAnalyticsRecorder analytics,
    ILogger<ViolationGrain> logger) : Grain, IViolationGrain
{
    private const int MaxEvidenceFrames = 64;

    /// <summary>
    /// Highest sequence whose row this activation handed to the warehouse. Not persisted: after a reactivation a
    /// repeat records the row again (the warehouse keeps one row per episode), which covers a row lost in the queue of
    /// a silo that died, and a report whose state write failed (Redis down) is recorded once its repeat is persisted.
    /// </summary>
    private long _recordedSequence = -1;

    public async Task Report(ViolationEpisodeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = state.State;
        if (report.Sequence <= s.LastSequence)
        {
            // A repeat: applied already (in memory at least); make sure it is persisted and recorded, and that its alert
            // update reached the router: the first try may have failed at any of these steps.
            if (_recordedSequence < s.LastSequence)
            {
                await state.WriteStateAsync();
                Record(s);
            }

            await ForwardAsync();
            return;
        }

        Apply(s, report);
        await state.WriteStateAsync();
        Record(s);
        await ForwardAsync();
    }

    private void Apply(ViolationState s, ViolationEpisodeReport report)
    {
        s.LastSequence = report.Sequence;
        s.EpisodeId = report.EpisodeId;
        s.CameraId = report.CameraId;
        s.CameraName = report.CameraName;
        s.Borough = report.Borough;
        s.Type = report.Type;
        s.Zone = report.Zone;
        s.Detector = report.Detector;
        s.StartedAt = report.StartedAt;
        s.LastObservedAt = report.ObservedAt;
        var resolved = IsResolved(report.Status);
        if (s.EndedAt is null)
        {
            // Scores only count while the episode is open; a resolved episode keeps its tier.
            s.Confidence = tierPolicy.Observe(s.Confidence, Math.Clamp(double.IsNaN(report.Confidence) ? 0 : report.Confidence, 0, 1));
        }

        s.Lifecycle = resolved ? "resolved" : s.Lifecycle.Length == 0 ? "open" : "updated";
        s.EndedAt = resolved ? report.EndedAt ?? report.ObservedAt : null;
        s.FrameHashes = s.FrameHashes.Concat(report.FrameHashes.Where(h => !s.FrameHashes.Contains(h))).TakeLast(MaxEvidenceFrames).ToList();
        s.Boxes = [.. report.Boxes];
    }

    private async Task ForwardAsync()
    {
        var s = state.State;
        if (s.ForwardedSequence >= s.LastSequence)
        {
            return;
        }

        var tier = s.Confidence.Tier;
        var resolved = s.EndedAt is not null;
        var send = tier >= AlertTier.Medium && (s.ForwardedTier != tier || (resolved && !s.ForwardedResolved));
        if (send)
        {
            var confidence = s.Confidence.PeakRobustScore > 0 ? s.Confidence.PeakRobustScore : s.Confidence.RecentScores.LastOrDefault();
            await GrainFactory.GetGrain<IAlertGrain>(IAlertGrain.Key).ReportViolation(new ViolationAlertUpdate(
                s.EpisodeId, s.CameraId.ToString(), s.CameraName, s.Type, s.Zone, s.Borough, confidence,
                AlertWireNames.Of(tier), s.StartedAt, s.EndedAt));
            s.ForwardedTier = tier;
            s.ForwardedResolved = resolved;
        }

        s.ForwardedSequence = s.LastSequence;
        await state.WriteStateAsync();
    }

    private void Record(ViolationState s)
    {
        var confidence = s.Confidence.PeakRobustScore > 0 ? s.Confidence.PeakRobustScore : s.Confidence.RecentScores.LastOrDefault();
        var row = new ViolationRecord(
            s.EpisodeId, s.CameraId.ToString(), s.Type, s.Zone, AlertWireNames.Of(s.Confidence.Tier), confidence,
            s.StartedAt, s.EndedAt, s.FrameHashes, s.Detector, s.Borough);
        if (analytics.Record(row))
        {
            _recordedSequence = s.LastSequence;
        }
        else
        {
            logger.LogWarning("Warehouse refused the violation row of episode {Episode}", s.EpisodeId);
        }
    }

    private static bool IsResolved(string status) => string.Equals(status, EpisodeStatus.Resolved, StringComparison.OrdinalIgnoreCase);
}
