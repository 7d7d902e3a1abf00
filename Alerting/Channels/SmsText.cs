using System.Text;

namespace VibeCheck.Alerting;

/// <summary>
/// The text of an alert SMS, in GSM-7 and one segment where it can be: tier, violation, place, confidence and the
/// link, e.g. <c>VibeCheck HIGH: bike_lane_blocked at Broadway @ W 42 St, conf 0.91 https://vibecheck.example/alerts/4c2fa442211a5131</c>.
/// The place is shortened first; only a link too long for any place makes the message longer than one segment.
/// </summary>
public static class SmsText
{
    private const int MinimumPlace = 8;

    /// <summary>The SMS of a notification; it names the most severe firing alert and counts the others.</summary>
    public static string Compose(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var alert = AlertText.BySeverity(notification).FirstOrDefault();
        var head = new StringBuilder("VibeCheck ");
        if (notification.Kind == NotificationKind.Escalation)
        {
            head.Append("ESCALATED ");
        }

        if (notification.Status == AlertStatus.Resolved)
        {
            head.Append("RESOLVED ");
        }

        head.Append(notification.Tier.ToString().ToUpperInvariant()).Append(": ");
        if (alert is null)
        {
            return Gsm7.From(head.Append(notification.GroupKey).ToString());
        }

        var name = alert.Labels.GetValueOrDefault(AlertLabels.AlertName, "");
        head.Append(name == AlertNames.Violation ? alert.Labels.GetValueOrDefault(AlertLabels.Type, "") : name);
        var confidence = alert.Annotations.GetValueOrDefault(AlertLabels.Confidence, "");
        var more = notification.Alerts.Count > 1 ? $" (+{notification.Alerts.Count - 1} more)" : "";
        var tail = Gsm7.From((confidence.Length > 0 ? $", conf {confidence}" : "") + more);
        var link = Gsm7.From(notification.LinkFor(alert));
        var fixedPart = Gsm7.From(head.ToString());
        var place = Gsm7.From(Place(alert));

        var room = Gsm7.SegmentSeptets - Gsm7.Septets(fixedPart) - Gsm7.Septets(tail) - (link.Length > 0 ? Gsm7.Septets(link) + 1 : 0);
        var at = place.Length == 0 || room < MinimumPlace + 4 ? "" : " at " + Gsm7.Truncate(place, room - 4).TrimEnd();
        return fixedPart + at + tail + (link.Length > 0 ? " " + link : "");
    }

    /// <summary>Camera name, else camera id, else borough: what a reader on a phone recognises.</summary>
    private static string Place(NotifiedAlert alert) =>
        new[]
        {
            alert.Annotations.GetValueOrDefault(AlertLabels.CameraName, ""),
            alert.Labels.GetValueOrDefault(AlertLabels.Camera, ""),
            alert.Labels.GetValueOrDefault(AlertLabels.Borough, ""),
        }.FirstOrDefault(p => p.Length > 0) ?? "";
}
