using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Events;

/// <summary>
/// The events of a change of the router's state: an alert that started firing, was resolved, acknowledged or
/// escalated. Ids are the alert id, the start of its firing (an alert may fire again after a resolution) and the
/// transition, e.g. <c>{alert}/{startsAt ms}/resolved</c>: each happens once per firing, so a change planned again
/// after a crash yields the same ids.
/// </summary>
public static class AlertEvents
{
    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, in the order of the alerts.</summary>
    public static IReadOnlyList<PendingEvent> Changes(AlertingState before, AlertingState after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<PendingEvent>();
        foreach (var alert in after.Alerts)
        {
            var old = before.Find(alert.Fingerprint);
            // A fresh firing has a new start; what the old firing did no longer counts.
            var same = old is not null && old.StartsAt == alert.StartsAt ? old : null;
            if (same is null)
            {
                events.Add(Of(EventTypes.AlertFiring, "firing", alert, alert.StartsAt));
            }

            if (alert.EscalatedAt is { } escalated && same?.EscalatedAt is null)
            {
                events.Add(Of(EventTypes.AlertEscalated, "escalated", alert, escalated));
            }

            if (alert.AcknowledgedAt is { } acknowledged && same?.AcknowledgedAt is null)
            {
                events.Add(Of(EventTypes.AlertAcknowledged, "acknowledged", alert, acknowledged));
            }

            if (alert.EndsAt is { } ended && same?.EndsAt is null)
            {
                events.Add(Of(EventTypes.AlertResolved, "resolved", alert, ended));
            }
        }

        return events;
    }

    private static PendingEvent Of(string type, string transition, Alert alert, DateTimeOffset time)
    {
        var camera = alert.Label(AlertLabels.Camera);
        var episode = alert.Label(AlertLabels.Episode);
        return EventJson.Pending(
            $"{alert.Fingerprint}/{alert.StartsAt.ToUnixTimeMilliseconds()}/{transition}",
            type,
            Guid.TryParse(camera, out var cameraId) ? EventJson.CameraSource(cameraId) : "/alerts",
            alert.Fingerprint,
            time,
            new AlertEventData(
                alert.Fingerprint, alert.Label(AlertLabels.AlertName), AlertWireNames.Of(alert.Tier), AlertWireNames.Of(alert.Status),
                camera.Length == 0 ? null : camera, episode.Length == 0 ? null : episode, alert.Labels,
                alert.Annotations.GetValueOrDefault(AlertLabels.Summary), alert.StartsAt, alert.EndsAt, alert.AcknowledgedAt,
                alert.AcknowledgedBy, alert.EscalatedAt));
    }
}
