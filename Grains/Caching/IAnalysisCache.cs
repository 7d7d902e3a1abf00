using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Caching;

/// <summary>The outside-visible Redis cache of frame analyses, predictions and violations.</summary>
public interface IAnalysisCache
{
    /// <summary>The cached analysis of a frame, or null when absent, expired or Redis cannot be read.</summary>
    Task<FrameAnalysisSummary?> GetFrameAsync(Guid cameraId, string frameHash);

    /// <summary>Caches a frame's analysis for <see cref="CacheKeys.FrameTtl"/>; false when Redis did not take it.</summary>
    Task<bool> SetFrameAsync(Guid cameraId, string frameHash, FrameAnalysisSummary analysis);

    /// <summary>Writes any JSON document under a key with a TTL; false when Redis did not take it.</summary>
    Task<bool> SetJsonAsync(string key, object value, TimeSpan ttl);
}
