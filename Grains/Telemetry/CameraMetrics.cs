using System.Diagnostics.Metrics;

namespace VibeCheck.Grains.Telemetry;

/// <summary>The silo-side instruments of camera polling, exported to Prometheus under <c>vibecheck_*</c>.</summary>
public sealed class CameraMetrics
{
    public const string MeterName = "VibeCheck.Cameras";

    public CameraMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        FetchDuration = meter.CreateHistogram<double>("vibecheck.frame.fetch.duration", "s", "Time to fetch one camera image, retries included.");
        ProcessingDuration = meter.CreateHistogram<double>("vibecheck.frame.processing.duration", "s", "Time to process one camera poll: fetch, hash, cache lookup, analysis, state write.");
        AnalysisDuration = meter.CreateHistogram<double>("vibecheck.frame.analysis.duration", "s", "Time to analyse one new frame.");
        CacheRequests = meter.CreateCounter<long>(
            "vibecheck.cache.requests", "{request}",
            "Requests for a camera's analysis (POST /process, processing-stream requests, admin polls) by result: hit (answered without a new analysis) or miss. The cameras' own polls are not requests: see vibecheck.poll.frames.");
        PolledFrames = meter.CreateCounter<long>(
            "vibecheck.poll.frames", "{frame}",
            "Frames fetched by any poll, by result: analysed (new frame), unchanged (same picture as the last), cached (analysed before, read from Redis).");
        CacheErrors = meter.CreateCounter<long>("vibecheck.cache.errors", "{error}", "Redis cache reads or writes that failed.");
        FetchFailures = meter.CreateCounter<long>("vibecheck.frame.fetch.failures", "{failure}", "Camera image fetches that failed, by reason.");
        StateWriteFailures = meter.CreateCounter<long>("vibecheck.state.write.failures", "{failure}", "Grain state writes that failed and will be retried.");
        HealthTransitions = meter.CreateCounter<long>("vibecheck.camera.health.transitions", "{transition}", "Camera health changes, by new health.");
    }

    public Histogram<double> FetchDuration { get; }
    public Histogram<double> ProcessingDuration { get; }
    public Histogram<double> AnalysisDuration { get; }
    public Counter<long> CacheRequests { get; }
    public Counter<long> PolledFrames { get; }
    public Counter<long> CacheErrors { get; }
    public Counter<long> FetchFailures { get; }
    public Counter<long> StateWriteFailures { get; }
    public Counter<long> HealthTransitions { get; }

    public void CacheHit() => CacheRequests.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public void CacheMiss() => CacheRequests.Add(1, new KeyValuePair<string, object?>("result", "miss"));

    public void FramePolled(string result) => PolledFrames.Add(1, new KeyValuePair<string, object?>("result", result));
}
