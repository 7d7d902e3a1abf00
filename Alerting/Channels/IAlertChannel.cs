namespace VibeCheck.Alerting;

/// <summary>A way to deliver a notification: webhook, e-mail, Slack.</summary>
public interface IAlertChannel
{
    /// <summary>Name used in routing and outbox items (see <see cref="ChannelNames"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Sends one notification. Failures come back as a result, not an exception; cancellation of
    /// <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="notification">What to send.</param>
    /// <param name="idempotencyKey">Same value on every retry, so a receiver can discard duplicates.</param>
    /// <param name="cancellationToken">Cancels the attempt (the worker's timeout or shutdown).</param>
    Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken);
}
