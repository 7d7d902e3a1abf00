using System.Diagnostics;
using StackExchange.Redis;

namespace VibeCheck.Gateway.Health;

/// <summary>The state of one dependency as a probe saw it.</summary>
public sealed record DependencyStatus(string Name, bool Healthy, double LatencyMs, string Detail);

/// <summary>Asks Redis and the cluster whether they answer, each within a short timeout.</summary>
public sealed class DependencyProbe(IConnectionMultiplexer redis, IClusterClient cluster, IHostApplicationLifetime lifetime)
{
    /// <summary>What <c>/health</c> says of the cluster while the client has not connected to any silo yet.</summary>
    public const string NotConnected = "not connected: no silo has answered yet; the gateway keeps trying every 2 s";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<DependencyStatus> RedisAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout, cancellationToken);
            return new DependencyStatus("redis", true, Math.Round(latency.TotalMilliseconds, 3), "PONG");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new DependencyStatus("redis", false, Elapsed(started), ex.GetType().Name + ": " + WithoutClientStatistics(ex.Message));
        }
    }

    public async Task<(DependencyStatus Status, IReadOnlyList<SiloInfo> Silos)> ClusterAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // The host has started once the cluster client connected (ClusterClientSetup starts it beside Kestrel); before
        // that every grain call fails with "could not find an implementation", which names no cause.
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return (new DependencyStatus("cluster", false, Elapsed(started), NotConnected), []);
        }

        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true).WaitAsync(ProbeTimeout, cancellationToken);
            var silos = hosts.Select(h => new SiloInfo(h.SiloName, h.SiloAddress.ToParsableString(), h.Status.ToString(), h.StartTime)).ToList();
            var healthy = silos.Count > 0;
            return (new DependencyStatus("cluster", healthy, Elapsed(started), healthy ? $"{silos.Count} active silo(s)" : "no active silo"), silos);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A probe reports, it does not throw: besides timeouts and Orleans errors, an unconnected client knows no grain
            // types (ArgumentException) and a silo whose Redis refuses it answers with an exception Orleans cannot
            // serialise (CodecNotFoundException), both seen with a wrong Redis password.
            return (new DependencyStatus("cluster", false, Elapsed(started), ex.GetType().Name + ": " + ex.Message), []);
        }
    }

    /// <summary>
    /// StackExchange.Redis appends the client's thread-pool and connection counters (", mc: 1/1/0, mgr: ..."); the
    /// reason before them is what an operator needs.
    /// </summary>
    private static string WithoutClientStatistics(string message)
    {
        var counters = message.IndexOf(", mc: ", StringComparison.Ordinal);
        return counters < 0 ? message : message[..counters];
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
}

/// <summary>A silo of the cluster as <c>/status</c> lists it.</summary>
public sealed record SiloInfo(string Name, string Address, string Status, DateTime StartedAt);
