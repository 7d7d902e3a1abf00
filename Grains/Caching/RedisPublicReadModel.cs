using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains.Caching;

/// <summary>
/// Redis-backed <see cref="IPublicReadModel"/>. A cache must never take the service down with it: every Redis
/// failure is logged, counted and answered as a miss or a "not written". While the connection is down the call is
/// not even tried (counted as an error): each try would wait the command timeout and hold the camera's poll with it.
/// </summary>
public sealed class RedisPublicReadModel(IConnectionMultiplexer redis, CameraMetrics metrics, ILogger<RedisPublicReadModel> logger) : IPublicReadModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<FrameAnalysisSummary?> GetFrameAsync(Guid cameraId, string frameHash)
    {
        if (!redis.IsConnected)
        {
            metrics.CacheErrors.Add(1);
            return null;
        }

        try
        {
            var value = await redis.GetDatabase().StringGetAsync(CacheKeys.Frame(cameraId, frameHash));
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<FrameAnalysisSummary>(value.ToString(), Json);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException)
        {
            metrics.CacheErrors.Add(1);
            logger.LogWarning(ex, "Reading the frame cache of camera {CameraId} failed", cameraId);
            return null;
        }
    }

    public Task<bool> SetFrameAsync(Guid cameraId, string frameHash, FrameAnalysisSummary analysis) =>
        SetJsonAsync(CacheKeys.Frame(cameraId, frameHash), analysis, CacheKeys.FrameTtl);

    public async Task<bool> SetJsonAsync(string key, object value, TimeSpan ttl)
    {
        if (!redis.IsConnected)
        {
            metrics.CacheErrors.Add(1);
            return false;
        }

        try
        {
            return await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(value, Json), ttl);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            metrics.CacheErrors.Add(1);
            logger.LogWarning(ex, "Writing cache key {Key} failed", key);
            return false;
        }
    }
}
