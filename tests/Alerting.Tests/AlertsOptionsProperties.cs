using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VibeCheck.Alerting.Tests;

/// <summary>
/// Random values for the <c>Alerts</c> keys, registered and resolved as the silo does: valid options, or an
/// <see cref="OptionsValidationException"/> naming a setting that was given, and never a secret in its message.
/// Fixed seed via Replay.
/// </summary>
public sealed class AlertsOptionsProperties
{
    private const string Secret = "pw-7d1e0f-never-logged";

    private static readonly string[] Keys =
    [
        "Webhook:Url", "Webhook:Secret", "Webhook:Timeout", "Email:Host", "Email:Port", "Email:From", "Email:To:0", "Email:UseStartTls",
        "Email:Username", "Email:Password", "Email:Timeout", "Slack:Url", "Slack:Timeout", "Escalation:After", "Escalation:To:0",
        "Delivery:MaxAttempts", "Delivery:InitialBackoff", "Delivery:MaxBackoff", "Delivery:JitterFactor", "Delivery:AttemptTimeout",
        "Delivery:BatchSize", "Delivery:HistoryLimit", "Delivery:DeadLetterLimit", "Notify:GroupWait", "Notify:GroupInterval",
        "Notify:RepeatInterval", "Notify:OutageShare", "Notify:OutageMinCameras", "Notify:GroupBy:0", "Tier:MediumThreshold",
        "Tier:HighThreshold", "Tier:Window", "Tier:MinSamples", "AllowPrivateNetworkTargets",
    ];

    private static Gen<string?> RandomValue =>
        Gen.OneOf(
            Gen.Elements<string?>(null, "", " ", "abc", "-1", "0", "1", "0.5", "0.9", "1.5", "NaN", "65536", "2147483648", "true", "yes",
                "00:00:05", "-00:00:01", "00:00:00", "1.00:00:00", "https://hooks.example.com/x", "http://127.0.0.1:9/", "http://10.0.0.1/",
                "ftp://x/", "not a url", "ops@example.com", "not-an-address", "smtp.example.com", Secret, "camera", "\u0000"),
            Gen.Choose(-1000, 100_000).Select(n => (string?)n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly string[] SmsKeys =
    [
        "Sms:AccountSid", "Sms:AuthToken", "Sms:From", "Sms:To:0", "Sms:To:1", "Sms:BaseUrl", "Sms:Timeout", "Sms:MaxPerRecipient",
        "Sms:RateWindow", "Webhook:Format", "AllowPrivateNetworkTargets",
    ];

    private static Gen<string?> RandomSmsValue =>
        Gen.OneOf(
            Gen.Elements<string?>(null, "", "abc", "0", "-1", "3", "00:00:00", "01:00:00", "true", "flat", "alertmanager", "FLAT", "xml",
                "AC0123456789abcdef0123456789abcdef", "AC0123", "+12125550111", "+447700900123", "12125550111", "+1 212 555 0111",
                "https://api.twilio.com", "http://127.0.0.1:9/", "not a url", Secret),
            RandomValue);

    private static Gen<Dictionary<string, string?>> Settings => SettingsOf(Keys, RandomValue, 3);

    private static Gen<Dictionary<string, string?>> SettingsOf(string[] keys, Gen<string?> values, int count) =>
        Gen.ListOf(Gen.Zip(Gen.Elements(keys), values), count).Select(pairs =>
        {
            var settings = new Dictionary<string, string?>();
            foreach (var (key, value) in pairs)
            {
                settings["Alerts:" + key] = value;
            }

            return settings;
        });

    [Property(MaxTest = 300, Replay = "(20261129,7919)")]
    public Property Random_settings_give_valid_options_or_a_validation_error_naming_the_setting() =>
        Prop.ForAll(Settings.ToArbitrary(), ValidOrNamed);

    /// <summary>SMS keys only, six to a case, so that whole SMS configurations come up, valid and not.</summary>
    [Property(MaxTest = 300, Replay = "(20261205,4421)")]
    public Property Random_sms_settings_give_valid_options_or_a_validation_error_naming_the_setting() =>
        Prop.ForAll(SettingsOf(SmsKeys, RandomSmsValue, 6).ToArbitrary(), ValidOrNamed);

    private static void ValidOrNamed(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        AlertsOptions options;
        try
        {
            using var provider = new ServiceCollection().AddVibeCheckAlerting(configuration).BuildServiceProvider();
            options = provider.GetRequiredService<IOptions<AlertsOptions>>().Value;
            Assert.NotNull(provider.GetRequiredService<DeliveryWorker>());
        }
        catch (OptionsValidationException ex)
        {
            var named = settings.Keys.SelectMany(k => k.Split(':').Skip(1)).Where(part => !int.TryParse(part, out _));
            Assert.Contains(named, part => ex.Message.Contains(part, StringComparison.Ordinal));
            Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
            return;
        }

        Assert.True(new AlertsOptionsValidator().Validate(null, options).Succeeded);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }
}
