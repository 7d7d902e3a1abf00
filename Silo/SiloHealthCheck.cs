using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace VibeCheck.Silo;

/// <summary>Readiness: the silo is ready when Redis, which holds membership, state and reminders, answers a PING.</summary>
public sealed class SiloHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"redis {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("redis unreachable", ex);
        }
    }
}
