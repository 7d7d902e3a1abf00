using System.Diagnostics.Metrics;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Telemetry;

/// <summary>
/// The gateway's instruments: the request path of on-demand processing, and cluster-wide camera health
/// (read from the registry by <see cref="ClusterStatusPoller"/>). Polling instruments live on the silos' /metrics.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "VibeCheck.Gateway";
    private readonly Histogram<double> _processDuration;
    private readonly Counter<long> _cacheRequests;
    private readonly Counter<long> _processFailures;
    private volatile HealthCounts? _healthCounts;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _processDuration = meter.CreateHistogram<double>("vibecheck.gateway.process.duration", "s", "End-to-end time of POST /process/camera/{id}.");
        _cacheRequests = meter.CreateCounter<long>("vibecheck.gateway.cache.requests", "{request}", "On-demand process requests by result: hit (no new fetch or analysis) or miss.");
        _processFailures = meter.CreateCounter<long>("vibecheck.gateway.process.failures", "{request}", "On-demand process requests whose camera could not be fetched.");
        meter.CreateObservableGauge("vibecheck.cameras", ObserveHealth, "{camera}", "Registry cameras by last reported health.");
    }

    public HealthCounts? LatestHealthCounts
    {
        get => _healthCounts;
        set => _healthCounts = value;
    }

    public void RecordProcess(ProcessResult result, TimeSpan elapsed)
    {
        _processDuration.Record(elapsed.TotalSeconds);
        if (result.Outcome == ProcessOutcome.FetchFailed)
        {
            _processFailures.Add(1);
        }

        _cacheRequests.Add(1, new KeyValuePair<string, object?>("result", result.CacheHit ? "hit" : "miss"));
    }

    private IEnumerable<Measurement<int>> ObserveHealth()
    {
        if (_healthCounts is not { } counts)
        {
            yield break;
        }

        foreach (var (health, count) in counts.ByHealth)
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("health", Contracts.HealthNames.Of(health)));
        }
    }
}
