using VibeCheck.Alerting;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Grains.Violations;

namespace VibeCheck.Grains.Events;

/// <summary>
/// The events of one applied report: opened (the first), updated (the tier rose), resolved (it ended). Ids are the
/// episode id and the transition (<c>{episode}/opened</c>, <c>{episode}/updated/high</c>, <c>{episode}/resolved</c>):
/// tiers only rise and each transition happens once, so a report applied again after a crash yields the same ids.
/// </summary>
public static class ViolationEvents
{
    /// <summary>What changed between the episode before the report (<paramref name="previousLifecycle"/>, <paramref name="previousTier"/>) and now.</summary>
    public static IReadOnlyList<PendingEvent> Changes(string previousLifecycle, AlertTier previousTier, ViolationState now)
    {
        ArgumentNullException.ThrowIfNull(now);
        var events = new List<PendingEvent>();
        var opened = previousLifecycle.Length == 0;
        if (opened)
        {
            events.Add(Of(EventTypes.ViolationOpened, "opened", now));
        }
        else if (previousLifecycle != "resolved" && now.Confidence.Tier > previousTier)
        {
            events.Add(Of(EventTypes.ViolationUpdated, "updated/" + AlertWireNames.Of(now.Confidence.Tier), now));
        }

        if (now.EndedAt is not null && previousLifecycle != "resolved")
        {
            events.Add(Of(EventTypes.ViolationResolved, "resolved", now));
        }

        return events;
    }

    private static PendingEvent Of(string type, string transition, ViolationState s) => EventJson.Pending(
        $"{s.EpisodeId}/{transition}",
        type,
        EventJson.CameraSource(s.CameraId),
        s.EpisodeId,
        s.EndedAt is { } ended && type == EventTypes.ViolationResolved ? ended : s.LastObservedAt,
        new ViolationEventData(
            s.EpisodeId, s.CameraId, s.CameraName, s.Borough, s.Type, s.Zone,
            s.EndedAt is null ? ViolationEpisodeStatus.Open : ViolationEpisodeStatus.Resolved,
            s.Confidence.Tier.ToViolationTier(), s.ReportedConfidence(), s.StartedAt, s.EndedAt, s.Detector, s.FrameHashes));
}
