using System.Globalization;
using System.Text.Json;
using CloudNative.CloudEvents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Grains.Processing.PubSub;

namespace VibeCheck.Grains.Events;

/// <summary>
/// The Pub/Sub backend: each event one message on <see cref="PubSubEventTopicOptions.Topic"/> in the CloudEvents
/// Pub/Sub protocol binding's binary mode: the JSON <c>data</c> as the message's data, the context attributes as
/// message attributes <c>ce-id</c>, <c>ce-type</c>, <c>ce-source</c>, <c>ce-specversion</c>, <c>ce-time</c>,
/// <c>ce-subject</c> and <c>content-type</c>. One publish call per batch; 429 and 5xx are retried by the client.
/// </summary>
public sealed class PubSubEventSink(IHttpClientFactory http, IOptions<EventsOptions> options, TimeProvider time, ILogger<PubSubClient> logger) : IEventSink
{
    private readonly PubSubEventTopicOptions _options = options.Value.PubSub;
    private readonly PubSubClient _client = new(http.CreateClient(nameof(PubSubEventSink)), options.Value.PubSub, time, logger);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            await _client.PublishAsync(_options.Topic, [.. events.Select(ToMessage)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The event as a Pub/Sub message in binary mode.</summary>
    public static PubSubMessage ToMessage(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var attributes = new Dictionary<string, string>
        {
            ["ce-id"] = cloudEvent.Id!,
            ["ce-type"] = cloudEvent.Type!,
            ["ce-source"] = cloudEvent.Source!.ToString(),
            ["ce-specversion"] = cloudEvent.SpecVersion.VersionId,
        };
        if (cloudEvent.Time is { } at)
        {
            attributes["ce-time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }

        if (cloudEvent.Subject is { } subject)
        {
            attributes["ce-subject"] = subject;
        }

        if (cloudEvent.DataContentType is { } contentType)
        {
            attributes["content-type"] = contentType;
        }

        return new PubSubMessage(JsonSerializer.SerializeToUtf8Bytes(cloudEvent.Data), attributes);
    }
}
