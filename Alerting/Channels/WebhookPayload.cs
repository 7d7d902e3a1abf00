using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VibeCheck.Alerting;

/// <summary>The Alertmanager webhook v4 body; see Alerting/README.md.</summary>
public sealed record WebhookPayload
{
    /// <summary>Always "4".</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "4";

    /// <summary>Group key of the notification.</summary>
    [JsonPropertyName("groupKey")]
    public string GroupKey { get; init; } = "";

    /// <summary>Alerts left out; always 0.</summary>
    [JsonPropertyName("truncatedAlerts")]
    public int TruncatedAlerts { get; init; }

    /// <summary>"firing" or "resolved".</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>Name of the receiving channel.</summary>
    [JsonPropertyName("receiver")]
    public string Receiver { get; init; } = "";

    /// <summary>Grouping labels.</summary>
    [JsonPropertyName("groupLabels")]
    public IReadOnlyDictionary<string, string> GroupLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels shared by all alerts.</summary>
    [JsonPropertyName("commonLabels")]
    public IReadOnlyDictionary<string, string> CommonLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations shared by all alerts.</summary>
    [JsonPropertyName("commonAnnotations")]
    public IReadOnlyDictionary<string, string> CommonAnnotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Base URL of the gateway.</summary>
    [JsonPropertyName("externalURL")]
    public string ExternalUrl { get; init; } = "";

    /// <summary>The alerts.</summary>
    [JsonPropertyName("alerts")]
    public IReadOnlyList<WebhookAlert> Alerts { get; init; } = [];

    /// <summary>Serializer settings of the wire format (compact, UTF-8, no escaping of non-ASCII).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the body of a notification for a receiver.</summary>
    public static WebhookPayload From(Notification notification, string receiver)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var alerts = notification.Alerts.Select(a => WebhookAlert.From(a, notification)).ToList();
        return new WebhookPayload
        {
            GroupKey = notification.GroupKey,
            Status = AlertWireNames.Of(notification.Status),
            Receiver = receiver,
            GroupLabels = notification.GroupLabels,
            CommonLabels = Common(alerts.Select(a => a.Labels)),
            CommonAnnotations = Common(alerts.Select(a => a.Annotations)),
            ExternalUrl = notification.ExternalUrl,
            Alerts = alerts,
        };
    }

    private static Dictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> maps)
    {
        Dictionary<string, string>? common = null;
        foreach (var map in maps)
        {
            if (common is null)
            {
                common = new Dictionary<string, string>(map, StringComparer.Ordinal);
                continue;
            }

            foreach (var key in common.Keys.ToList().Where(k => !map.TryGetValue(k, out var v) || v != common[k]))
            {
                common.Remove(key);
            }
        }

        return common ?? [];
    }
}

/// <summary>One alert in <see cref="WebhookPayload.Alerts"/>.</summary>
public sealed record WebhookAlert
{
    /// <summary>Alertmanager's zero time, used as <c>endsAt</c> of firing alerts.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    /// <summary>"firing" or "resolved".</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>Identity labels plus <c>severity</c>.</summary>
    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>RFC 3339 start.</summary>
    [JsonPropertyName("startsAt")]
    public string StartsAt { get; init; } = "";

    /// <summary>RFC 3339 end, or <see cref="ZeroTime"/> while firing.</summary>
    [JsonPropertyName("endsAt")]
    public string EndsAt { get; init; } = ZeroTime;

    /// <summary>Link to the alert in VibeCheck.</summary>
    [JsonPropertyName("generatorURL")]
    public string GeneratorUrl { get; init; } = "";

    /// <summary>Alert identity (16 hex characters).</summary>
    [JsonPropertyName("fingerprint")]
    public string Fingerprint { get; init; } = "";

    /// <summary>Wire form of an alert.</summary>
    public static WebhookAlert From(NotifiedAlert alert, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(notification);
        return new WebhookAlert
        {
            Status = AlertWireNames.Of(alert.Status),
            Labels = new Dictionary<string, string>(alert.Labels) { [AlertLabels.Severity] = AlertWireNames.Of(alert.Tier) },
            Annotations = alert.Annotations,
            StartsAt = Rfc3339(alert.StartsAt),
            EndsAt = alert.EndsAt is { } end ? Rfc3339(end) : ZeroTime,
            GeneratorUrl = notification.LinkFor(alert),
            Fingerprint = alert.Fingerprint,
        };
    }

    /// <summary>RFC 3339 in UTC with milliseconds, as Alertmanager writes times.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
