using System.Diagnostics.Metrics;

namespace VibeCheck.Grains.Telemetry;

/// <summary>
/// What this silo did with processing requests from the stream, exported as
/// <c>vibecheck_processing_requests_total{outcome}</c>: <c>done</c>, <c>retry</c> (an attempt failed; claimed again
/// later) or <c>dead_letter</c>.
/// </summary>
public sealed class ProcessingMetrics
{
    public const string MeterName = "VibeCheck.Processing";

    private readonly Counter<long> _requests;

    public ProcessingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("vibecheck.processing.requests", "{request}", "Processing requests handled, by outcome.");
    }

    public void Done() => _requests.Add(1, new KeyValuePair<string, object?>("outcome", "done"));

    public void Retry() => _requests.Add(1, new KeyValuePair<string, object?>("outcome", "retry"));

    public void DeadLetter() => _requests.Add(1, new KeyValuePair<string, object?>("outcome", "dead_letter"));
}
