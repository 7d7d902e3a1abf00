using CloudNative.CloudEvents;

namespace VibeCheck.Grains.Events;

/// <summary>
/// An events backend (<c>Events:Backend</c>): the Redis stream now, a Google Pub/Sub topic later. Grains never call
/// it directly; they go through <see cref="EventPublisher"/>, so a new backend changes no grain.
/// </summary>
public interface IEventSink
{
    /// <summary>
    /// Publishes the events in order; returns once the backend has accepted all of them, throws otherwise (the
    /// caller keeps them all and publishes them again, with the same ids).
    /// </summary>
    Task PublishAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken);
}
