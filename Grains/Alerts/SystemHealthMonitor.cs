using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Silo-side system checks: pings Redis and reads this silo's processing latency and fetch failures every
/// interval; each check is a <see cref="SustainedCondition"/>, and the AlertGrain hears when one starts or stops
/// firing. Every silo runs its own; their reports of the same condition share one alert (same labels).
/// </summary>
public sealed class SystemHealthMonitor(
    IConnectionMultiplexer redis,
    IGrainFactory grains,
    ProcessingSamples samples,
    IOptions<SystemMonitorOptions> options,
    TimeProvider clock,
    ILogger<SystemHealthMonitor> logger) : BackgroundService
{
    private readonly SystemMonitorOptions _options = options.Value;
    private readonly Dictionary<SystemCondition, SustainedCondition> _conditions = [];
    private readonly Dictionary<SystemCondition, bool> _reported = [];
    private readonly Dictionary<SystemCondition, SystemConditionUpdate> _unreportedRaise = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "System check failed; retrying next interval");
            }
        }
    }

    private async Task CheckAsync()
    {
        var now = clock.GetUtcNow();
        var (latency, error) = await PingAsync();
        await ObserveAsync(SystemCondition.RedisUnreachable, error is not null, now, "redis_ping", 0, 0, error ?? "");
        var ms = latency.TotalMilliseconds;
        await ObserveAsync(SystemCondition.RedisSlow, error is null && latency > _options.RedisSlowThreshold, now,
            "redis_ping_ms", ms, _options.RedisSlowThreshold.TotalMilliseconds, "");

        var (durations, failures) = samples.Take();
        var enough = durations.Count >= _options.MinSamples;
        var p95 = ProcessingSamples.P95(durations);
        var errorRate = durations.Count == 0 ? 0 : Math.Min(1, (double)failures / durations.Count);
        var slow = enough && p95 > _options.LatencyP95Threshold.TotalSeconds;
        var failing = enough && errorRate > _options.ErrorRateThreshold;
        var breached = slow || failing;
        var (metric, value, threshold) = failing && !slow
            ? ("error_rate", errorRate, _options.ErrorRateThreshold)
            : ("latency_p95_ms", p95 * 1000, _options.LatencyP95Threshold.TotalMilliseconds);
        await ObserveAsync(SystemCondition.PerformanceDegraded, breached, now, metric, value, threshold, "");
    }

    private async Task<(TimeSpan Latency, string? Error)> PingAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await redis.GetDatabase().PingAsync();
            return (Stopwatch.GetElapsedTime(started), null);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return (Stopwatch.GetElapsedTime(started), e.Message);
        }
    }

    private async Task ObserveAsync(SystemCondition condition, bool breached, DateTimeOffset now, string metric, double value, double threshold, string detail)
    {
        var next = _conditions.GetValueOrDefault(condition, new SustainedCondition()).Observe(breached, now, _options.Window);
        _conditions[condition] = next;
        var update = new SystemConditionUpdate(condition, next.Firing, metric, value, threshold, _options.Window, detail);
        if (next.Firing && !_reported.GetValueOrDefault(condition))
        {
            _unreportedRaise[condition] = update;
        }

        // A raise the router never acknowledged is sent even if the condition has ended since: while Redis is down the
        // router cannot persist the raise, and without this the recovery would look like "nothing happened" and the
        // alert, half applied in the router's memory, would never be resolved.
        if (_unreportedRaise.TryGetValue(condition, out var raise))
        {
            await ReportAsync(raise);
            _unreportedRaise.Remove(condition);
            _reported[condition] = true;
        }

        if (_reported.GetValueOrDefault(condition) == next.Firing)
        {
            return;
        }

        await ReportAsync(update);
        _reported[condition] = next.Firing;
    }

    private async Task ReportAsync(SystemConditionUpdate update)
    {
        await grains.GetGrain<IAlertGrain>(IAlertGrain.Key).ReportSystemCondition(update);
        logger.LogWarning("System condition {Condition} {State} ({Metric} = {Value})", update.Condition, update.Firing ? "firing" : "resolved", update.Metric, update.Value);
    }
}
