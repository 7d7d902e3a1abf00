namespace VibeCheck.Alerting;

/// <summary>Everything under the configuration section <c>Alerts</c>.</summary>
public sealed class AlertsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Alerts";

    /// <summary>Base URL of the VibeCheck gateway; links in alerts point to <c>{ExternalUrl}/alerts/{id}</c>.</summary>
    public string? ExternalUrl { get; set; }

    /// <summary>Allows webhook/Slack URLs on loopback and private ranges (tests, on-premises receivers). Default false.</summary>
    public bool AllowPrivateNetworkTargets { get; set; }

    /// <summary><c>Alerts:Webhook</c>.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary><c>Alerts:Email</c>.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary><c>Alerts:Slack</c>.</summary>
    public SlackOptions Slack { get; set; } = new();

    /// <summary><c>Alerts:Sms</c>.</summary>
    public SmsOptions Sms { get; set; } = new();

    /// <summary><c>Alerts:Escalation</c>.</summary>
    public EscalationOptions Escalation { get; set; } = new();

    /// <summary><c>Alerts:Delivery</c>: retries, backoff and timeouts of the outbox.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary><c>Alerts:Notify</c>: grouping, intervals and routing.</summary>
    public NotifyOptions Notify { get; set; } = new();

    /// <summary><c>Alerts:Tier</c>: confidence thresholds.</summary>
    public TierOptions Tier { get; set; } = new();

    /// <summary>Redacted description, safe to log.</summary>
    public override string ToString() =>
        $"Alerts {{ ExternalUrl = {ExternalUrl}, AllowPrivateNetworkTargets = {AllowPrivateNetworkTargets}, {Webhook}, {Email}, {Slack}, {Sms}, {Escalation} }}";
}
