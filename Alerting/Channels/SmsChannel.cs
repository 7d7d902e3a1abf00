using System.Text;

namespace VibeCheck.Alerting;

/// <summary>
/// Sends one recipient an SMS through the Twilio Messages API (<c>POST {BaseUrl}/2010-04-01/Accounts/{sid}/Messages.json</c>,
/// form-encoded To/From/Body, Basic auth). One channel per recipient, named <c>sms:{number}</c>, so every recipient
/// has its own outbox item, retries, dead letter and rate limit. Twilio does not deduplicate: a retry after a lost
/// answer may send the text twice (at least once, as the other channels).
/// </summary>
public sealed class SmsChannel : IAlertChannel
{
    private readonly HttpClient _http;
    private readonly SmsOptions _options;
    private readonly bool _allowPrivateNetworkTargets;
    private readonly SendRateLimit _rateLimit;

    /// <summary>Creates the channel of one recipient.</summary>
    /// <param name="http">Client; from DI it carries a Polly timeout handler.</param>
    /// <param name="options">Account, sender, base URL, timeout and rate limit.</param>
    /// <param name="recipient">E.164 number, one of <see cref="SmsOptions.To"/>.</param>
    /// <param name="allowPrivateNetworkTargets">Allow a loopback or private <see cref="SmsOptions.BaseUrl"/>.</param>
    /// <param name="time">Clock of the rate limit.</param>
    public SmsChannel(HttpClient http, SmsOptions options, string recipient, bool allowPrivateNetworkTargets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _allowPrivateNetworkTargets = allowPrivateNetworkTargets;
        _rateLimit = new SendRateLimit(options.MaxPerRecipient, options.RateWindow, time);
        Recipient = recipient;
    }

    /// <inheritdoc />
    public string Name => ChannelNames.SmsTo(Recipient);

    /// <summary>The number this channel texts.</summary>
    public string Recipient { get; }

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (_rateLimit.TryReserve() is not { } slot)
        {
            return DeliveryResult.Permanent(
                $"suppressed: {Recipient} already had {_rateLimit.Limit} SMS within {_rateLimit.Window} (Alerts:Sms:MaxPerRecipient)");
        }

        var url = $"{_options.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid ?? "")}/Messages.json";
        var form = new FormUrlEncodedContent(
        [
            new("To", Recipient),
            new("From", _options.From ?? ""),
            new("Body", SmsText.Compose(notification)),
        ]);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}"));
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = $"Basic {credentials}",
            [WebhookSignature.IdempotencyHeaderName] = idempotencyKey,
        };
        var result = await HttpDelivery.PostAsync(
            _http, url, _allowPrivateNetworkTargets, form, headers, _options.Timeout, TwilioAnswer.ClassifyAsync, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != DeliveryOutcome.Success)
        {
            _rateLimit.Release(slot);
        }

        return result;
    }
}
