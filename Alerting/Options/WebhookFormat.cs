namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Webhook:Format</c>: the body layout of webhook requests; both are signed the same way.</summary>
public enum WebhookFormat
{
    /// <summary>Prometheus Alertmanager webhook v4 (<see cref="WebhookPayload"/>); the default.</summary>
    Alertmanager = 0,

    /// <summary>The original design's flat object (<see cref="FlatWebhookPayload"/>): <c>type</c>, <c>severity</c>, <c>camera_id</c>, <c>confidence</c>, ...</summary>
    Flat = 1,
}
