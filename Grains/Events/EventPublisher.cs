using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Events;

/// <summary>
/// What grains call to publish their event outbox: maps the entries to CloudEvents and hands them to the configured
/// <see cref="IEventSink"/>. The grain keeps the outbox in its persisted state; only what the backend accepted leaves
/// it, so a failed publish (Redis away, a timeout) delays events and loses none.
/// </summary>
public sealed class EventPublisher(IServiceProvider services, IOptions<EventsOptions> options, ILogger<EventPublisher> logger)
{
    private readonly EventsOptions _options = options.Value;

    // Resolved on first use: with events off no backend (and no Redis connection) needs to exist.
    private readonly Lazy<IEventSink> _sink = new(services.GetRequiredService<IEventSink>);

    /// <summary>Whether grains should queue events at all (<see cref="EventsOptions.Enabled"/>).</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>
    /// Publishes the whole outbox in order and removes it; false (outbox unchanged) when the backend did not accept it.
    /// </summary>
    public async Task<bool> PublishAsync(List<PendingEvent> outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        if (outbox.Count == 0)
        {
            return true;
        }

        var batch = outbox.ToList();
        try
        {
            using var timeout = new CancellationTokenSource(_options.PublishTimeout);
            await _sink.Value.PublishAsync(batch.Select(CloudEventMapping.ToCloudEvent).ToList(), timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Publishing {Count} events (first {Id}) failed; they stay queued", batch.Count, batch[0].Id);
            return false;
        }

        // Only what was sent leaves: the grain may have queued more meanwhile, in a later turn.
        outbox.RemoveRange(0, batch.Count);
        return true;
    }
}
