using System.Text.Json;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Events;

/// <summary>Builds outbox entries: the data record as camelCase JSON (the schemas' names), enums as their JSON names.</summary>
public static class EventJson
{
    /// <summary>The JSON settings of every event's data.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The CloudEvents <c>source</c> of what happens at a camera.</summary>
    public static string CameraSource(Guid cameraId) => $"/cameras/{cameraId}";

    /// <summary>An outbox entry with <paramref name="data"/> serialized.</summary>
    public static PendingEvent Pending<T>(string id, string type, string source, string subject, DateTimeOffset time, T data) =>
        new(id, type, source, subject, time, JsonSerializer.Serialize(data, Options));
}
