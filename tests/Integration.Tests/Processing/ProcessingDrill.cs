using VibeCheck.Grains.Interfaces;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// What the silo-kill drills of both processing backends share: cameras that do only what requests ask (no timed
/// polls, no answer from a previous request's result), images answered late enough that a silo holds requests in
/// flight, and each camera's count of requests done, which it persists with its state.
/// </summary>
internal static class ProcessingDrill
{
    public const int CameraCount = 8;
    public const int RequestsPerCamera = 6;

    /// <summary>Each image answers this late, so a silo holds the requests it took for a few seconds.</summary>
    public static readonly TimeSpan ImageLatency = TimeSpan.FromMilliseconds(150);

    /// <summary>Camera settings of the drills, to merge with the backend's.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> backend)
    {
        var settings = new Dictionary<string, string?>(backend)
        {
            // Every request fetches and analyses: none is answered from the previous request's result.
            ["Cameras:RefreshPeriod"] = "00:00:00",
            // No camera of the drill polls by itself, so its count of requests done counts only the backend's.
            ["Cameras:Watch:0"] = "00000000-0000-0000-0000-000000000001",
            ["NycDot:AttemptTimeout"] = "00:00:05",
        };
        return settings;
    }

    public static void SetUpReplay(ReplayScenario replay, IReadOnlyList<Guid> cameras)
    {
        foreach (var camera in cameras)
        {
            replay.SetLatency(camera, ImageLatency);
        }
    }

    /// <summary>The requests, in the order to send them: each camera <see cref="RequestsPerCamera"/> times, interleaved.</summary>
    public static IReadOnlyList<Guid> Requests(IReadOnlyList<Guid> cameras) =>
        [.. Enumerable.Range(0, cameras.Count * RequestsPerCamera).Select(n => cameras[n % cameras.Count])];

    /// <summary>Requests each camera has done (with or without a new analysis), as its persisted state counts them.</summary>
    public static async Task<IReadOnlyDictionary<Guid, long>> DoneByCameraAsync(IGrainFactory grains, IEnumerable<Guid> cameras)
    {
        var done = new Dictionary<Guid, long>();
        foreach (var camera in cameras)
        {
            var counters = (await grains.GetGrain<ICameraGrain>(camera).GetSnapshot()).Counters;
            done[camera] = counters.CacheHits + counters.CacheMisses;
        }

        return done;
    }
}
