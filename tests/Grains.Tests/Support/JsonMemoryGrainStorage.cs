using System.Collections.Concurrent;
using Newtonsoft.Json;
using Orleans.Storage;

namespace VibeCheck.Grains.Tests.Support;

/// <summary>
/// Grain storage in memory that keeps each state as Newtonsoft JSON with type names, as the Redis provider does, so a
/// state that would not survive Redis does not survive here either; and counts the writes per state type.
/// </summary>
public sealed class JsonMemoryGrainStorage : IGrainStorage
{
    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.All };
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, int> _writes = new();

    /// <summary>Writes of states of type <typeparamref name="T"/> so far.</summary>
    public int WritesOf<T>() => _writes.GetValueOrDefault(typeof(T));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = JsonConvert.DeserializeObject<T>(stored.Json, Json)!;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var current = _states.TryGetValue(key, out var stored) ? stored.ETag : null;
        if (current != grainState.ETag)
        {
            throw new InconsistentStateException($"etag {grainState.ETag} is stale for {key}", current, grainState.ETag);
        }

        var etag = Guid.NewGuid().ToString("N");
        _states[key] = (JsonConvert.SerializeObject(grainState.State, Json), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        _writes.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
