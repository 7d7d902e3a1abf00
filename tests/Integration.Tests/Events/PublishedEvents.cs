using System.Text.Json;
using StackExchange.Redis;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>One event as a consumer reads it from the stream: decoded by the CloudEvents SDK from the field <c>event</c>.</summary>
public sealed record PublishedEvent(string EntryId, string Id, string Type, string Source, string Subject, DateTimeOffset Time, JsonElement Data);

/// <summary>Reads the events stream the way the README's consumer does, and checks each event's data against its schema.</summary>
public static class PublishedEvents
{
    /// <summary>Every event in the stream, oldest first.</summary>
    public static async Task<IReadOnlyList<PublishedEvent>> ReadAsync(IDatabase redis, string stream)
    {
        var entries = await redis.StreamRangeAsync(stream);
        return entries.Select(Decode).ToList();
    }

    /// <summary>Waits until <paramref name="done"/> holds for the stream's events, then returns them.</summary>
    public static async Task<IReadOnlyList<PublishedEvent>> WaitForAsync(
        IDatabase redis, string stream, Func<IReadOnlyList<PublishedEvent>, bool> done, TimeSpan timeout, string what)
    {
        IReadOnlyList<PublishedEvent> events = [];
        await VibeCheckCluster.WaitUntilAsync(
            async () => done(events = await ReadAsync(redis, stream)),
            timeout, what, () => Task.FromResult(string.Join("\n", events.Select(e => $"{e.Type} {e.Id}"))));
        return events;
    }

    /// <summary>Problems of the event's data against the schema of its type; empty when it follows it.</summary>
    public static IReadOnlyList<string> SchemaErrors(PublishedEvent e) =>
        EventTypes.SchemaFiles.TryGetValue(e.Type, out var file) ? EventSchemas.Errors(file, e.Data) : [$"unknown type {e.Type}"];

    private static PublishedEvent Decode(StreamEntry entry)
    {
        var cloudEvent = CloudEventMapping.FromJson((byte[])entry[RedisStreamEventSink.EventField]!);
        var data = cloudEvent.Data is JsonElement element ? element.Clone() : throw new InvalidOperationException($"entry {entry.Id} has no JSON data");
        return new PublishedEvent(
            entry.Id.ToString(), cloudEvent.Id!, cloudEvent.Type!, cloudEvent.Source!.ToString(), cloudEvent.Subject!, cloudEvent.Time!.Value, data);
    }
}
