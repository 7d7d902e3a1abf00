namespace VibeCheck.Grains.Interfaces.Live;

/// <summary>Names of the live-update streams shared by the silos (publishers) and the gateways (subscribers).</summary>
public static class LiveStreams
{
    /// <summary>The memory streams provider registered on silos and gateway clients.</summary>
    public const string Provider = "live";

    /// <summary>Stream namespace of <see cref="CameraEvent"/>s.</summary>
    public const string CameraEventsNamespace = "camera-events";

    /// <summary>
    /// Camera events are spread over this many streams (by camera id) so that the memory provider's queues share the
    /// load; a gateway subscribes to all of them.
    /// </summary>
    public const int CameraEventShards = 4;

    /// <summary>The stream key that carries <paramref name="cameraId"/>'s events.</summary>
    public static string CameraEventsKey(Guid cameraId) => ShardKey(Shard(cameraId));

    /// <summary>The stream key of one shard, 0 to <see cref="CameraEventShards"/> - 1.</summary>
    public static string ShardKey(int shard) => $"shard-{shard}";

    private static int Shard(Guid cameraId)
    {
        Span<byte> bytes = stackalloc byte[16];
        cameraId.TryWriteBytes(bytes);
        return bytes[15] % CameraEventShards;
    }
}
