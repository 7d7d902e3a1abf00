using System.Text.Json;

namespace VibeCheck.Alerting;

/// <summary>Posts the Alertmanager v4 or the flat payload (<see cref="WebhookOptions.Format"/>), signed, with an <c>Idempotency-Key</c> header.</summary>
/// <param name="http">Client; from DI it carries a Polly timeout handler.</param>
/// <param name="options">URL, secret and timeout.</param>
/// <param name="allowPrivateNetworkTargets">Allow loopback and private addresses.</param>
/// <param name="name">Channel name.</param>
public sealed class WebhookChannel(HttpClient http, WebhookOptions options, bool allowPrivateNetworkTargets, string name = ChannelNames.Webhook)
    : IAlertChannel
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = options.Format == WebhookFormat.Flat
            ? JsonSerializer.SerializeToUtf8Bytes(FlatWebhookPayload.From(notification), WebhookPayload.JsonOptions)
            : JsonSerializer.SerializeToUtf8Bytes(WebhookPayload.From(notification, Name), WebhookPayload.JsonOptions);
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.IdempotencyHeaderName] = idempotencyKey,
            [WebhookSignature.HeaderName] = WebhookSignature.Sign(body, options.Secret ?? ""),
        };
        return HttpDelivery.PostAsync(http, options.Url ?? "", allowPrivateNetworkTargets, body, headers, options.Timeout, cancellationToken);
    }
}
