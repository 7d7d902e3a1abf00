using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Events;

/// <summary>
/// The one place that knows CloudEvents: an outbox entry becomes a CloudEvents 1.0 event with JSON data, and an event
/// its structured-mode JSON (what the Redis stream holds in the field <c>event</c>).
/// </summary>
public static class CloudEventMapping
{
    /// <summary>The data content type of every event.</summary>
    public const string DataContentType = "application/json";

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The CloudEvent of an outbox entry; its data is the entry's JSON as is.</summary>
    public static CloudEvent ToCloudEvent(PendingEvent pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        using var data = JsonDocument.Parse(pending.Data);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = pending.Id,
            Type = pending.Type,
            Source = new Uri(pending.Source, UriKind.RelativeOrAbsolute),
            Subject = pending.Subject,
            Time = pending.Time,
            DataContentType = DataContentType,
            Data = data.RootElement.Clone(),
        };
        return cloudEvent.Validate();
    }

    /// <summary>The event as one structured-mode JSON document (UTF-8).</summary>
    public static byte[] ToJson(CloudEvent cloudEvent) => Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();

    /// <summary>Reads a structured-mode JSON event, as a consumer would.</summary>
    public static CloudEvent FromJson(ReadOnlyMemory<byte> json) => Formatter.DecodeStructuredModeMessage(json, null, null);
}
