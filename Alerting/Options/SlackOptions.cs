namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Slack</c>: Slack incoming webhook.</summary>
public sealed class SlackOptions
{
    /// <summary><c>Alerts:Slack:Url</c>; the URL itself is a secret. The channel is off when empty.</summary>
    public string? Url { get; set; }

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = WebhookOptions.DefaultTimeout;

    /// <summary>Redacted description, safe to log.</summary>
    public override string ToString() => $"Slack {{ Url = {Redaction.Url(Url)}, Timeout = {Timeout} }}";
}
