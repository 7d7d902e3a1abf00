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
/// <c>ce-subject</c> and <c>content-type</c>, and by default the camera as the ordering key
/// (<see cref="PubSubEventTopicOptions.OrderingKeys"/>). 429 and 5xx are retried by the client.
/// </summary>
public sealed class PubSubEventSink(IHttpClientFactory http, IOptions<EventsOptions> options, TimeProvider time, ILogger<PubSubClient> logger) : IEventSink
{
    private const string CameraSourcePrefix = "/cameras/";
    private readonly PubSubEventTopicOptions _options = options.Value.PubSub;
    private readonly PubSubClient _client = new(http.CreateClient(nameof(PubSubEventSink)), options.Value.PubSub, time, logger);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<CloudEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var messages = events.Select(e => ToMessage(e, _options.OrderingKeys)).ToList();
        // Pub/Sub takes one ordering key per request: each run of one key is a request, in order, and a failed one
        // stops the rest, so no event of a key is published ahead of an earlier one (the outbox publishes them all
        // again, with their ids, and consumers de-duplicate).
        foreach (var run in RunsOfOneKey(messages))
        {
            await _client.PublishAsync(_options.Topic, run, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The event as a Pub/Sub message in binary mode, with its ordering key when <paramref name="ordered"/>.</summary>
    public static PubSubMessage ToMessage(CloudEvent cloudEvent, bool ordered = true)
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

        return new PubSubMessage(JsonSerializer.SerializeToUtf8Bytes(cloudEvent.Data), attributes, OrderingKey: ordered ? OrderingKeyOf(cloudEvent) : null);
    }

    /// <summary>The camera's id for events about a camera (<c>/cameras/{id}</c>), else the source without its slash (<c>alerts</c>).</summary>
    public static string OrderingKeyOf(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var source = cloudEvent.Source!.ToString();
        return source.StartsWith(CameraSourcePrefix, StringComparison.Ordinal) ? source[CameraSourcePrefix.Length..] : source.TrimStart('/');
    }

    private static IEnumerable<IReadOnlyList<PubSubMessage>> RunsOfOneKey(IReadOnlyList<PubSubMessage> messages)
    {
        var run = new List<PubSubMessage>();
        foreach (var message in messages)
        {
            if (run.Count > 0 && run[0].OrderingKey != message.OrderingKey)
            {
                yield return run;
                run = [];
            }

            run.Add(message);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
