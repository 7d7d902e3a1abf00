using System.Text.RegularExpressions;

namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Sms</c>: text messages through the Twilio Messages API, one channel per recipient.</summary>
public sealed partial class SmsOptions
{
    /// <summary>Twilio's API; tests point <see cref="BaseUrl"/> at a loopback stand-in.</summary>
    public const string DefaultBaseUrl = "https://api.twilio.com";

    /// <summary><c>Alerts:Sms:AccountSid</c> (<c>AC</c> + 32 hex digits); the channel is off when empty.</summary>
    public string? AccountSid { get; set; }

    /// <summary><c>Alerts:Sms:AuthToken</c>: the account's auth token, a secret (Basic auth password).</summary>
    public string? AuthToken { get; set; }

    /// <summary><c>Alerts:Sms:From</c>: the sending Twilio number, E.164 (<c>+12125550123</c>).</summary>
    public string? From { get; set; }

    /// <summary><c>Alerts:Sms:To</c>: recipients, E.164; each one is a channel <c>sms:{number}</c> with its own outbox items and rate limit.</summary>
    public List<string> To { get; set; } = [];

    /// <summary><c>Alerts:Sms:BaseUrl</c>: where the Messages API is. Default <see cref="DefaultBaseUrl"/>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Per-request timeout. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = WebhookOptions.DefaultTimeout;

    /// <summary>Messages a recipient gets at most within <see cref="RateWindow"/>; the rest are dead-lettered as suppressed. Default 10.</summary>
    public int MaxPerRecipient { get; set; } = 10;

    /// <summary>The window of <see cref="MaxPerRecipient"/>, sliding. Default 1 h.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>True for an E.164 number: <c>+</c>, a non-zero digit, at most 15 digits in all.</summary>
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    /// <summary>True for a Twilio account SID: <c>AC</c> and 32 hex digits.</summary>
    public static bool IsAccountSid(string? sid) => sid is not null && AccountSidPattern().IsMatch(sid);

    /// <summary>Redacted description, safe to log.</summary>
    public override string ToString() =>
        $"Sms {{ AccountSid = {AccountSid}, AuthToken = {Redaction.Secret(AuthToken)}, From = {From}, To = [{string.Join(", ", To)}], BaseUrl = {Redaction.Url(BaseUrl)}, Timeout = {Timeout}, MaxPerRecipient = {MaxPerRecipient}, RateWindow = {RateWindow} }}";

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();
}
