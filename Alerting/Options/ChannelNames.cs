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

    /// <summary>SMS to every number of <c>Alerts:Sms:To</c>: routes name <c>sms</c>; each number is a channel <see cref="SmsTo"/>.</summary>
    public const string Sms = "sms";

    /// <summary>The channel of one SMS recipient: <c>sms:+12125550123</c>.</summary>
    public static string SmsTo(string number) => $"{Sms}{MemberSeparator}{number}";

    /// <summary>Separates a route name from a member: a route <c>sms</c> reaches every channel named <c>sms:...</c>.</summary>
    public const char MemberSeparator = ':';
}
