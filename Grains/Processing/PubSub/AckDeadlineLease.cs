using Microsoft.Extensions.Logging;

namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>
/// Keeps one pulled message from being redelivered while its request runs: every half ack deadline it extends the
/// deadline by a whole one (<c>modifyAckDeadline</c>). Disposing stops the extensions; the message is then acked or
/// nacked by the caller. When the silo dies the extensions stop with it and Pub/Sub redelivers the message.
/// </summary>
public sealed class AckDeadlineLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _extending;

    private AckDeadlineLease(PubSubClient client, string subscription, string ackId, TimeSpan deadline, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _extending = ExtendAsync(client, subscription, ackId, deadline, time, logger, _stop.Token);
    }

    /// <summary>Starts extending the deadline of <paramref name="ackId"/>.</summary>
    public static AckDeadlineLease Start(PubSubClient client, string subscription, string ackId, TimeSpan deadline, TimeProvider time, ILogger logger, CancellationToken cancellationToken) =>
        new(client, subscription, ackId, deadline, time, logger, cancellationToken);

    /// <summary>How many times the deadline was extended.</summary>
    public int Extensions { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _extending;
        _stop.Dispose();
    }

    private async Task ExtendAsync(PubSubClient client, string subscription, string ackId, TimeSpan deadline, TimeProvider time, ILogger logger, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(deadline / 2, time, stop);
                try
                {
                    await client.ModifyAckDeadlineAsync(subscription, [ackId], deadline, stop);
                    Extensions++;
                }
                catch (Exception ex) when (ex is PubSubApiException or HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    // The next half deadline tries again; should the deadline pass meanwhile, the message is
                    // redelivered and its done mark keeps it from being done twice.
                    logger.LogWarning(ex, "Could not extend the ack deadline of a processing request");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Done, or the silo is stopping.
        }
    }
}
