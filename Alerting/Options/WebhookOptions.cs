namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Webhook</c>: signed webhook receiver, Alertmanager-v4 or flat layout.</summary>
public sealed class WebhookOptions
{
    /// <summary>Default for <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary><c>Alerts:Webhook:Url</c>; the channel is off when empty.</summary>
    public string? Url { get; set; }

    /// <summary><c>Alerts:Webhook:Secret</c>: HMAC-SHA256 key of the <c>X-VibeCheck-Signature</c> header. Required with a URL.</summary>
    public string? Secret { get; set; }

    /// <summary><c>Alerts:Webhook:Format</c>: <c>alertmanager</c> (default) or <c>flat</c>.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Alertmanager;

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Redacted description, safe to log.</summary>
    public override string ToString() =>
        $"Webhook {{ Url = {Redaction.Url(Url)}, Secret = {Redaction.Secret(Secret)}, Format = {Format}, Timeout = {Timeout} }}";
}
