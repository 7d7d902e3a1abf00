using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Caching;

/// <summary>
/// The public Redis read model: documents under <c>vision:camera:{id}:...</c> keys (frame analyses, predictions,
/// the latest violation of each type) that clients outside the cluster read directly. The grains write it; it is
/// also where a camera finds a frame already analysed (by its hash), which is why it is read as well.
/// </summary>
public interface IPublicReadModel
{
    /// <summary>The cached analysis of a frame, or null when absent, expired or Redis cannot be read.</summary>
    Task<FrameAnalysisSummary?> GetFrameAsync(Guid cameraId, string frameHash);

    /// <summary>Caches a frame's analysis for <see cref="CacheKeys.FrameTtl"/>; false when Redis did not take it.</summary>
    Task<bool> SetFrameAsync(Guid cameraId, string frameHash, FrameAnalysisSummary analysis);

    /// <summary>Writes any JSON document under a key with a TTL; false when Redis did not take it.</summary>
    Task<bool> SetJsonAsync(string key, object value, TimeSpan ttl);
}
