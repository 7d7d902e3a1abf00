using System.Globalization;
using System.Text.Json.Serialization;

namespace VibeCheck.Alerting;

/// <summary>
/// One alert in the original design's flat layout (<c>{"type": "VIOLATION_ALERT", "severity": "HIGH", "camera_id": ...}</c>).
/// Not sealed: <see cref="FlatWebhookPayload"/> is the first alert's fields plus the notification's, so a receiver
/// written for one flat alert reads the top level unchanged.
/// </summary>
public record FlatAlert
{
    /// <summary><c>VIOLATION_ALERT</c> for violations, <c>SYSTEM_ALERT</c> for camera health, performance, Redis and tests.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary><c>HIGH</c> or <c>MEDIUM</c>.</summary>
    [JsonPropertyName("severity")]
    public string Severity { get; init; } = "";

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>Alert fingerprint, the id of <c>GET /alerts/{id}</c>.</summary>
    [JsonPropertyName("alert_id")]
    public string AlertId { get; init; } = "";

    /// <summary><c>ViolationDetected</c>, <c>CameraOffline</c>, ...</summary>
    [JsonPropertyName("alert_name")]
    public string AlertName { get; init; } = "";

    /// <summary>Camera id, or null for alerts without a camera.</summary>
    [JsonPropertyName("camera_id")]
    public string? CameraId { get; init; }

    /// <summary>Camera name, or null.</summary>
    [JsonPropertyName("camera_name")]
    public string? CameraName { get; init; }

    /// <summary>Borough, or null.</summary>
    [JsonPropertyName("borough")]
    public string? Borough { get; init; }

    /// <summary>Violation type (<c>bike_lane_blocked</c>, ...), or null for system alerts.</summary>
    [JsonPropertyName("violation_type")]
    public string? ViolationType { get; init; }

    /// <summary>Zone of the violation, or null.</summary>
    [JsonPropertyName("zone")]
    public string? Zone { get; init; }

    /// <summary>Confidence 0..1 as a number, or null when the alert has none.</summary>
    [JsonPropertyName("confidence")]
    public double? Confidence { get; init; }

    /// <summary>One-line description.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>RFC 3339 start.</summary>
    [JsonPropertyName("started_at")]
    public string StartedAt { get; init; } = "";

    /// <summary>RFC 3339 end, or null while firing.</summary>
    [JsonPropertyName("ended_at")]
    public string? EndedAt { get; init; }

    /// <summary>True on escalations of unacknowledged HIGH alerts.</summary>
    [JsonPropertyName("escalated")]
    public bool Escalated { get; init; }

    /// <summary>Link to the alert in VibeCheck, or null.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The flat form of one alert of a notification.</summary>
    public static FlatAlert From(NotifiedAlert alert, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(notification);
        var name = alert.Labels.GetValueOrDefault(AlertLabels.AlertName, "");
        return new FlatAlert
        {
            Type = name == AlertNames.Violation ? "VIOLATION_ALERT" : "SYSTEM_ALERT",
            Severity = alert.Tier.ToString().ToUpperInvariant(),
            Status = AlertWireNames.Of(alert.Status),
            AlertId = alert.Fingerprint,
            AlertName = name,
            CameraId = OrNull(alert.Labels, AlertLabels.Camera),
            CameraName = OrNull(alert.Annotations, AlertLabels.CameraName),
            Borough = OrNull(alert.Labels, AlertLabels.Borough),
            ViolationType = name == AlertNames.Violation ? OrNull(alert.Labels, AlertLabels.Type) : null,
            Zone = OrNull(alert.Labels, AlertLabels.Zone),
            Confidence = double.TryParse(OrNull(alert.Annotations, AlertLabels.Confidence), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : null,
            Summary = OrNull(alert.Annotations, AlertLabels.Summary),
            StartedAt = WebhookAlert.Rfc3339(alert.StartsAt),
            EndedAt = alert.EndsAt is { } end ? WebhookAlert.Rfc3339(end) : null,
            Escalated = alert.Annotations.GetValueOrDefault(AlertLabels.Escalated) == "true",
            Url = notification.LinkFor(alert) is { Length: > 0 } link ? link : null,
        };
    }

    private static string? OrNull(IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

/// <summary>
/// The body of <c>Alerts:Webhook:Format</c> = <c>flat</c>: the first (most severe) alert of the notification at the
/// top level, as the original design's receivers expect, plus the notification's id and time and every alert of the
/// group in <see cref="Alerts"/>; see Alerting/README.md.
/// </summary>
public sealed record FlatWebhookPayload : FlatAlert
{
    /// <summary>Notification id; the idempotency key is <c>{notification_id}:webhook</c>.</summary>
    [JsonPropertyName("notification_id")]
    public string NotificationId { get; init; } = "";

    /// <summary>RFC 3339 time the notification was made.</summary>
    [JsonPropertyName("timestamp")]
    public string Timestamp { get; init; } = "";

    /// <summary>Number of alerts in <see cref="Alerts"/>.</summary>
    [JsonPropertyName("alert_count")]
    public int AlertCount { get; init; }

    /// <summary>Every alert of the notification, the top-level one first.</summary>
    [JsonPropertyName("alerts")]
    public IReadOnlyList<FlatAlert> Alerts { get; init; } = [];

    /// <summary>Builds the flat body of a notification.</summary>
    public static FlatWebhookPayload From(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var alerts = AlertText.BySeverity(notification).Select(a => FlatAlert.From(a, notification)).ToList();
        var first = alerts.FirstOrDefault() ?? new FlatAlert { Severity = notification.Tier.ToString().ToUpperInvariant(), Status = AlertWireNames.Of(notification.Status) };
        return new FlatWebhookPayload(first)
        {
            NotificationId = notification.Id,
            Timestamp = WebhookAlert.Rfc3339(notification.CreatedAt),
            AlertCount = alerts.Count,
            Alerts = alerts,
        };
    }

    private FlatWebhookPayload(FlatAlert first)
        : base(first)
    {
    }
}
