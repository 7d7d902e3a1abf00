namespace VibeCheck.Alerting;

/// <summary>Names of the built-in channels, as used in routing options and outbox items.</summary>
public static class ChannelNames
{
    /// <summary>Alertmanager-v4 webhook.</summary>
    public const string Webhook = "webhook";

    /// <summary>E-mail to <c>Alerts:Email:To</c>.</summary>
    public const string Email = "email";

    /// <summary>E-mail to <c>Alerts:Escalation:To</c>, the second recipient list.</summary>
    public const string EscalationEmail = "email-escalation";

    /// <summary>Slack incoming webhook.</summary>
    public const string Slack = "slack";
}
