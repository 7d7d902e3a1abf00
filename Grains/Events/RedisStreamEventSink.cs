using CloudNative.CloudEvents;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VibeCheck.Grains.Events;

/// <summary>
/// The Redis stream backend: one entry per event, its field <c>event</c> holding the CloudEvent's JSON, the stream
/// trimmed to about <see cref="RedisEventStreamOptions.MaxLength"/> entries. Commands of one call go down one
/// connection in order, so events keep their order in the stream.
/// </summary>
public sealed class RedisStreamEventSink(IConnectionMultiplexer redis, IOptions<EventsOptions> options) : IEventSink
{
    /// <summary>The entry field holding the event.</summary>
    public const string EventField = "event";

    private readonly RedisEventStreamOptions _options = options.Value.Redis;

    public async Task PublishAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // A disconnected multiplexer would hold each command for its whole timeout; the outbox keeps the events anyway.
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is unreachable; events stay queued");
        }

        var db = redis.GetDatabase();
        var adds = events
            .Select(e => db.StreamAddAsync(_options.StreamName, EventField, CloudEventMapping.ToJson(e), maxLength: _options.MaxLength, useApproximateMaxLength: true))
            .ToList();
        await Task.WhenAll(adds).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
