using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// What the silo-kill drills of both processing backends share: cameras that do only what requests ask (no timed
/// polls, no answer from a previous request's result), images answered late enough that a silo holds requests in
/// flight, and the images each camera fetched for them.
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

    /// <summary>
    /// Requests each camera has carried out, as the replay server saw them: a drill camera fetches its image for each
    /// request and at no other time, so a request carried out twice (taken again after the kill) fetched twice. The
    /// camera's own counters would not do: they start again when a killed silo's camera is activated elsewhere.
    /// </summary>
    public static IReadOnlyDictionary<Guid, long> DoneByCamera(ReplayScenario replay, IEnumerable<Guid> cameras) =>
        cameras.ToDictionary(camera => camera, camera => (long)replay.ImageRequestsOf(camera));
}
