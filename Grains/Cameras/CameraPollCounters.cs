using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// A camera activation's counts of its polls and requests, shown by <c>GET /cameras/{id}</c>. Not persisted: the
/// metrics (<c>vibecheck_poll_frames_total</c>, <c>vibecheck_cache_requests_total</c>, ...) are the lasting record, and
/// writing counters with every poll made each state write bigger. A move to another silo carries them along.
/// </summary>
public sealed class CameraPollCounters(DateTimeOffset since)
{
    public DateTimeOffset Since { get; private set; } = since;
    public long Fetches { get; set; }
    public long FetchFailures { get; set; }
    public long FramesAnalysed { get; set; }
    public long FramesUnchanged { get; set; }
    public long CacheHits { get; set; }
    public long CacheMisses { get; set; }

    public CameraCounters ToContract() => new(Fetches, FetchFailures, FramesAnalysed, FramesUnchanged, CacheHits, CacheMisses, Since);

    public static CameraPollCounters From(CameraCounters counters) => new(counters.Since)
    {
        Fetches = counters.Fetches,
        FetchFailures = counters.FetchFailures,
        FramesAnalysed = counters.FramesAnalysed,
        FramesUnchanged = counters.FramesUnchanged,
        CacheHits = counters.CacheHits,
        CacheMisses = counters.CacheMisses,
    };
}
