namespace VibeCheck.Grains.Caching;

/// <summary>
/// The Redis keys of the original design, kept exactly so that outside consumers can read them
/// (<c>redis-cli keys "vision:*"</c>), with their TTLs.
/// </summary>
public static class CacheKeys
{
    public static readonly TimeSpan FrameTtl = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan PredictionTtl = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ViolationTtl = TimeSpan.FromHours(24);

    public static string Frame(Guid cameraId, string frameHash) => $"vision:camera:{cameraId}:frame:{frameHash}";

    public static string Prediction(Guid cameraId, int horizonMinutes) => $"prediction:camera:{cameraId}:horizon:{horizonMinutes}";

    public static string Violation(Guid cameraId, string violationType) => $"violation:camera:{cameraId}:type:{violationType}";
}
