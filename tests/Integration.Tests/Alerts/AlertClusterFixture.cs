using System.Globalization;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>
/// A 2-silo system whose alerts go to a real webhook receiver, a real SMTP server and a Twilio stand-in on loopback,
/// with short grouping, escalation and retry times. Its own cluster, so the shared one never sends alerts.
/// </summary>
public sealed class AlertClusterFixture : IAsyncLifetime
{
    public const string Secret = "integration-secret-0123456789";
    public const string OpsMail = "ops@example.com";
    public const string EscalationMail = "oncall@example.com";
    public const string OpsPhone = "+12125550111";

    public VibeCheckCluster System { get; private set; } = null!;
    public WebhookReceiver Webhook { get; private set; } = null!;
    public SmtpTestServer Smtp { get; private set; } = null!;
    public TwilioStandIn Twilio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Webhook = await WebhookReceiver.StartAsync();
        Smtp = await SmtpTestServer.StartAsync();
        Twilio = await TwilioStandIn.StartAsync();
        System = await VibeCheckCluster.StartAsync(cameraCount: 2, settings: Settings(Webhook, Smtp, Twilio));
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Webhook.DisposeAsync();
        await Smtp.DisposeAsync();
        await Twilio.DisposeAsync();
    }

    /// <summary>Alert settings pointing at the receivers: fast group wait/interval, 8 s escalation, sub-second retries,
    /// and a Redis "slow" threshold of zero so the system monitor raises RedisSlow within seconds. SMS only with a
    /// <paramref name="twilio"/> stand-in, with a rate limit no test of the collection reaches.</summary>
    public static Dictionary<string, string?> Settings(WebhookReceiver webhook, SmtpTestServer smtp, TwilioStandIn? twilio = null)
    {
        var settings = Common(webhook, smtp);
        if (twilio is not null)
        {
            settings["Alerts:Sms:AccountSid"] = TwilioStandIn.AccountSid;
            settings["Alerts:Sms:AuthToken"] = TwilioStandIn.AuthToken;
            settings["Alerts:Sms:From"] = TwilioStandIn.From;
            settings["Alerts:Sms:To:0"] = OpsPhone;
            settings["Alerts:Sms:BaseUrl"] = twilio.BaseUrl;
            settings["Alerts:Sms:MaxPerRecipient"] = "1000";
        }

        return settings;
    }

    private static Dictionary<string, string?> Common(WebhookReceiver webhook, SmtpTestServer smtp) => new()
    {
        ["Alerts:AllowPrivateNetworkTargets"] = "true",
        ["Alerts:ExternalUrl"] = "https://vibecheck.example",
        ["Alerts:Webhook:Url"] = webhook.Url,
        ["Alerts:Webhook:Secret"] = Secret,
        ["Alerts:Webhook:Timeout"] = "00:00:05",
        ["Alerts:Email:Host"] = "127.0.0.1",
        ["Alerts:Email:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Alerts:Email:From"] = "vibecheck@example.com",
        ["Alerts:Email:To:0"] = OpsMail,
        ["Alerts:Email:UseStartTls"] = "false",
        ["Alerts:Escalation:After"] = "00:00:08",
        ["Alerts:Escalation:To:0"] = EscalationMail,
        ["Alerts:Notify:GroupWait"] = "00:00:00.200",
        ["Alerts:Notify:GroupInterval"] = "00:00:01",
        ["Alerts:Notify:RepeatInterval"] = "01:00:00",
        ["Alerts:Delivery:InitialBackoff"] = "00:00:00.200",
        ["Alerts:Delivery:MaxBackoff"] = "00:00:01",
        ["Alerts:Delivery:AttemptTimeout"] = "00:00:10",
        ["AlertMonitor:Interval"] = "00:00:00.500",
        ["AlertMonitor:Window"] = "00:00:01",
        ["AlertMonitor:RedisSlowThreshold"] = "00:00:00",
    };
}

[CollectionDefinition(Name)]
public sealed class AlertClusterCollection : ICollectionFixture<AlertClusterFixture>
{
    public const string Name = "alert cluster";
}
