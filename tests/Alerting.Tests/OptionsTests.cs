using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VibeCheck.Alerting.Tests;

public sealed class OptionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Dictionary<string, string?> Full() => new()
    {
        ["Alerts:Webhook:Url"] = "https://hooks.example.com/vibecheck?token=abc",
        ["Alerts:Webhook:Secret"] = "super-secret-value-123",
        ["Alerts:Webhook:Format"] = "flat",
        ["Alerts:Email:Host"] = "smtp.example.com",
        ["Alerts:Email:Port"] = "2525",
        ["Alerts:Email:From"] = "vibecheck@example.com",
        ["Alerts:Email:To:0"] = "ops@example.com",
        ["Alerts:Email:To:1"] = "lead@example.com",
        ["Alerts:Email:UseStartTls"] = "false",
        ["Alerts:Email:Username"] = "mailer",
        ["Alerts:Email:Password"] = "mail-password",
        ["Alerts:Slack:Url"] = "https://hooks.slack.com/services/T000/B000/XXXX",
        ["Alerts:Escalation:After"] = "00:10:00",
        ["Alerts:Escalation:To:0"] = "oncall@example.com",
        ["Alerts:Notify:GroupBy:0"] = "borough",
        ["Alerts:Sms:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Alerts:Sms:AuthToken"] = "twilio-token-value-xyz",
        ["Alerts:Sms:From"] = "+12125550100",
        ["Alerts:Sms:To:0"] = "+12125550111",
        ["Alerts:Sms:To:1"] = "+447700900123",
        ["Alerts:Sms:MaxPerRecipient"] = "4",
    };

    [Fact]
    public void Binds_the_documented_keys_and_registers_configured_channels()
    {
        using var provider = new ServiceCollection().AddVibeCheckAlerting(Config(Full())).BuildServiceProvider();

        var o = provider.GetRequiredService<IOptions<AlertsOptions>>().Value;
        Assert.Equal("https://hooks.example.com/vibecheck?token=abc", o.Webhook.Url);
        Assert.Equal(WebhookFormat.Flat, o.Webhook.Format);
        Assert.Equal(2525, o.Email.Port);
        Assert.Equal(["ops@example.com", "lead@example.com"], o.Email.To);
        Assert.False(o.Email.UseStartTls);
        Assert.Equal(TimeSpan.FromMinutes(10), o.Escalation.After);
        Assert.Equal(["borough"], o.Notify.EffectiveGroupBy);
        Assert.Equal(1, o.Notify.EffectiveShards);
        Assert.Equal(4, o.Sms.MaxPerRecipient);
        Assert.Equal(SmsOptions.DefaultBaseUrl, o.Sms.BaseUrl);
        Assert.Equal(
            [ChannelNames.Email, ChannelNames.EscalationEmail, ChannelNames.Slack, "sms:+12125550111", "sms:+447700900123", ChannelNames.Webhook],
            provider.GetServices<IAlertChannel>().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(provider.GetRequiredService<NotificationPlanner>());
        Assert.Equal(6, provider.GetRequiredService<DeliveryWorker>().ChannelNames.Count);
    }

    [Fact]
    public void Defaults_are_documented_values()
    {
        var o = new AlertsOptions();
        Assert.Equal(TimeSpan.FromMinutes(5), o.Escalation.After);
        Assert.Equal(["camera", "type"], o.Notify.EffectiveGroupBy);
        Assert.Equal(NotifyOptions.DefaultShards, o.Notify.EffectiveShards);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Notify.GroupWait);
        Assert.Equal(TimeSpan.FromMinutes(5), o.Notify.GroupInterval);
        Assert.Equal(TimeSpan.FromHours(4), o.Notify.RepeatInterval);
        Assert.Equal(8, o.Delivery.MaxAttempts);
        Assert.Equal(WebhookFormat.Alertmanager, o.Webhook.Format);
        Assert.True(o.Email.UseStartTls);
        Assert.True(new AlertsOptionsValidator().Validate(null, o).Succeeded);
    }

    [Fact]
    public void ToString_never_shows_secrets()
    {
        var o = new AlertsOptions();
        Config(Full()).GetSection("Alerts").Bind(o);

        var text = o.ToString();

        Assert.DoesNotContain("super-secret-value-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mail-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XXXX", text, StringComparison.Ordinal);
        Assert.DoesNotContain("twilio-token-value-xyz", text, StringComparison.Ordinal);
        Assert.Contains("+447700900123", text, StringComparison.Ordinal);
        Assert.Contains("smtp.example.com", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidCases => new()
    {
        { "Alerts:Webhook:Secret", "", "Secret must be set" },
        { "Alerts:Webhook:Url", "ftp://example.com/x", "not http or https" },
        { "Alerts:Webhook:Url", "http://127.0.0.1:9000/hook", "loopback" },
        { "Alerts:Webhook:Url", "http://10.1.2.3/hook", "private" },
        { "Alerts:Slack:Url", "http://192.168.1.5/hook", "private" },
        { "Alerts:Email:Port", "70000", "Port" },
        { "Alerts:Email:From", "not-an-address", "From" },
        { "Alerts:Email:Password", "", "together" },
        { "Alerts:Delivery:MaxAttempts", "0", "MaxAttempts" },
        { "Alerts:Tier:MediumThreshold", "0.9", "thresholds" },
        { "Alerts:Sms:AccountSid", "AC123", "AccountSid must be AC followed by 32 hex digits" },
        { "Alerts:Sms:AccountSid", "", "AccountSid must be set" },
        { "Alerts:Sms:AuthToken", "", "AuthToken must be set" },
        { "Alerts:Sms:From", "2125550100", "From must be an E.164 number" },
        { "Alerts:Sms:To:1", "+44 7700 900123", "Alerts:Sms:To:1 must be an E.164 number" },
        { "Alerts:Sms:To:0", "+0123456", "Alerts:Sms:To:0 must be an E.164 number" },
        { "Alerts:Sms:BaseUrl", "http://127.0.0.1:8080", "Alerts:Sms:BaseUrl: loopback" },
        { "Alerts:Sms:MaxPerRecipient", "0", "MaxPerRecipient" },
        { "Alerts:Sms:RateWindow", "00:00:00", "RateWindow must be positive" },
        { "Alerts:Notify:Shards", "0", "Shards must be within 1..64" },
        { "Alerts:Notify:Shards", "65", "Shards must be within 1..64" },
        { "Alerts:Notify:Shards", "4", "needs 'camera' in Alerts:Notify:GroupBy" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validator_rejects_bad_settings_without_echoing_secrets(string key, string value, string expected)
    {
        var values = Full();
        values[key] = value;
        var o = new AlertsOptions();
        Config(values).GetSection("Alerts").Bind(o);

        var result = new AlertsOptionsValidator().Validate(null, o);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-value-123", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("twilio-token-value-xyz", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_configuration_fails_when_options_are_read()
    {
        var values = Full();
        values["Alerts:Webhook:Url"] = "gopher://x";
        using var provider = new ServiceCollection().AddVibeCheckAlerting(Config(values)).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AlertsOptions>>().Value);
    }

    [Theory]
    [InlineData("https://hooks.example.com/x", false, true)]
    [InlineData("http://8.8.8.8/x", false, true)]
    [InlineData("http://localhost:8080/x", false, false)]
    [InlineData("http://[::1]/x", false, false)]
    [InlineData("http://172.20.0.1/x", false, false)]
    [InlineData("http://169.254.169.254/latest", false, false)]
    [InlineData("http://100.64.0.1/x", false, false)]
    [InlineData("http://[fd00::1]/x", false, false)]
    [InlineData("http://[::ffff:10.0.0.1]/x", false, false)]
    [InlineData("http://user:pw@example.com/x", false, false)]
    [InlineData("not a url", true, false)]
    [InlineData("file:///etc/passwd", true, false)]
    [InlineData("http://127.0.0.1:9000/x", true, true)]
    public void Webhook_url_validator(string url, bool allowPrivate, bool valid) =>
        Assert.Equal(valid, WebhookUrlValidator.Validate(url, allowPrivate) is null);
}
