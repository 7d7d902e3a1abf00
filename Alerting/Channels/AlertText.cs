namespace VibeCheck.Alerting;

/// <summary>Human-readable wording of notifications, shared by e-mail, Slack and SMS.</summary>
public static class AlertText
{
    /// <summary>E.g. <c>[VibeCheck HIGH] FIRING (2): bike_lane_blocked at camera 42</c>; escalations start with ESCALATED.</summary>
    public static string Subject(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var status = notification.Status == AlertStatus.Firing ? "FIRING" : "RESOLVED";
        var prefix = notification.Kind == NotificationKind.Escalation ? "ESCALATED " : "";
        var first = notification.Alerts.Count > 0 ? Headline(notification.Alerts[0]) : notification.GroupKey;
        var more = notification.Alerts.Count > 1 ? $" (+{notification.Alerts.Count - 1} more)" : "";
        return $"[VibeCheck {notification.Tier.ToString().ToUpperInvariant()}] {prefix}{status}: {first}{more}";
    }

    /// <summary>The notification's alerts, firing before resolved, then HIGH before MEDIUM; the first is the one to name.</summary>
    public static IReadOnlyList<NotifiedAlert> BySeverity(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return [.. notification.Alerts.OrderBy(a => a.Status).ThenByDescending(a => a.Tier)];
    }

    /// <summary>One line naming the violation (or system alert) and the camera.</summary>
    public static string Headline(NotifiedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var name = alert.Labels.GetValueOrDefault(AlertLabels.AlertName, "");
        var type = alert.Labels.GetValueOrDefault(AlertLabels.Type, "");
        var what = name == AlertNames.Violation ? type : name;
        var camera = Camera(alert);
        return camera.Length == 0 ? what : $"{what} at {camera}";
    }

    /// <summary>Camera name and id, or empty for alerts without a camera.</summary>
    public static string Camera(NotifiedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var id = alert.Labels.GetValueOrDefault(AlertLabels.Camera, "");
        var name = alert.Annotations.GetValueOrDefault(AlertLabels.CameraName, "");
        return (id, name) switch
        {
            ("", _) => "",
            (_, "") => $"camera {id}",
            _ => $"{name} (camera {id})",
        };
    }

    /// <summary>Status, tier, violation, camera, confidence, summary and link of one alert, one field a line.</summary>
    public static IReadOnlyList<(string Field, string Value)> Fields(NotifiedAlert alert, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(notification);
        var fields = new List<(string, string)>
        {
            ("Status", AlertWireNames.Of(alert.Status)),
            ("Tier", alert.Tier.ToString().ToUpperInvariant()),
            ("Violation", alert.Labels.GetValueOrDefault(AlertLabels.Type, "")),
        };
        Add(fields, "Camera", Camera(alert));
        Add(fields, "Borough", alert.Labels.GetValueOrDefault(AlertLabels.Borough, ""));
        Add(fields, "Confidence", alert.Annotations.GetValueOrDefault(AlertLabels.Confidence, ""));
        Add(fields, "Summary", alert.Annotations.GetValueOrDefault(AlertLabels.Summary, ""));
        fields.Add(("Started", alert.StartsAt.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        Add(fields, "Link", notification.LinkFor(alert));
        return fields;
    }

    private static void Add(List<(string, string)> fields, string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add((name, value));
        }
    }
}
