namespace VibeCheck.Grains.Interfaces.Alerts;

/// <summary>
/// Which <see cref="IAlertGrain"/> holds what. The front router (<see cref="IAlertGrain.Key"/>) holds the system
/// alerts and the silences and answers the API for every router; each camera's alerts (violations, health, unusual
/// activity) live in one shard chosen from the camera id, the same on every silo and across restarts.
/// </summary>
public static class AlertRouterKeys
{
    /// <summary>The key of shard <paramref name="index"/>.</summary>
    public static string Shard(int index) => $"{IAlertGrain.Key}-{index}";

    /// <summary>The router of a camera's alerts: the front when there is one shard.</summary>
    public static string ForCamera(Guid camera, int shards) => shards <= 1 ? IAlertGrain.Key : Shard(IndexOf(camera, shards));

    /// <summary>Keys of every shard; none when there is one shard (the front then holds everything).</summary>
    public static IReadOnlyList<string> Shards(int shards) => shards <= 1 ? [] : [.. Enumerable.Range(0, shards).Select(Shard)];

    /// <summary>The shard index of a camera: FNV-1a over the id's bytes, spelled out because a runtime hash may change between versions.</summary>
    public static int IndexOf(Guid camera, int shards)
    {
        Span<byte> bytes = stackalloc byte[16];
        camera.TryWriteBytes(bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
