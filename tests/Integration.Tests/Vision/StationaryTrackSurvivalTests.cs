using System.Text.Json;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision.Coco;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Vision;

/// <summary>
/// The production detector in a cluster: the queue standing at the red light on real Houston St frames (rain, cand_001)
/// keeps its tracks, and their standing time, across a deactivation of the camera's grain (the tracks persist with the
/// camera's state).
/// </summary>
public sealed class StationaryTrackSurvivalTests(ITestOutputHelper output)
{
    [RealFramesAndModelsFact]
    public async Task Standing_vehicle_keeps_its_track_and_standing_time_across_a_grain_deactivation()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1,
            silos: 1,
            settings: new Dictionary<string, string?> { ["Vision:Detector"] = "Coco" });
        var camera = system.Cameras[0];
        var grain = system.Grains.GetGrain<ICameraGrain>(camera);
        var frames = Enumerable.Range(0, 6).Select(i => File.ReadAllBytes(RealFramesAndModelsFactAttribute.RedLightRain(i))).ToList();
        system.Replay.SetFrames(camera, frames, advanceEachRequest: true);

        JsonElement last = default;
        for (var i = 0; i < 4; i++)
        {
            last = await VisionClusterFixture.ProcessInNewSlotAsync(system, camera);
        }

        Assert.StartsWith("coco-centernet/", last.GetProperty("analysis").GetProperty("detector").GetString());
        var standing = Standing(last);
        output.WriteLine($"before: {string.Join(", ", standing.Select(s => $"#{s.Track} {s.Seconds}s"))}");
        Assert.NotEmpty(standing);

        var management = system.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(grain));

        var after = Standing(await VisionClusterFixture.ProcessInNewSlotAsync(system, camera));
        output.WriteLine($"after:  {string.Join(", ", after.Select(s => $"#{s.Track} {s.Seconds}s"))}");
        var kept = standing.Join(after, b => b.Track, a => a.Track, (b, a) => (Before: b.Seconds, After: a.Seconds)).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, k => Assert.True(k.After > k.Before, $"standing time went from {k.Before} s to {k.After} s"));
    }

    private static List<(long Track, double Seconds)> Standing(JsonElement process) =>
        process.GetProperty("analysis").GetProperty("detections").EnumerateArray()
            .Where(d => d.GetProperty("trackId").ValueKind == JsonValueKind.Number && d.GetProperty("standingSeconds").GetDouble() > 0)
            .Select(d => (d.GetProperty("trackId").GetInt64(), d.GetProperty("standingSeconds").GetDouble()))
            .ToList();
}

/// <summary>Needs the real frames (../shared/data) and the model files (scripts/fetch-models.sh); skipped with the reason otherwise.</summary>
public sealed class RealFramesAndModelsFactAttribute : FactAttribute
{
    private static readonly string? DataRoot = SharedData.Root;

    public RealFramesAndModelsFactAttribute()
    {
        if (DataRoot is null)
        {
            Skip = "needs ../shared/data (or VIBECHECK_DATA)";
        }
        else if (!CocoModelStore.IsInstalled(CocoModelStore.DefaultDirectory()))
        {
            Skip = "needs the model files: run scripts/fetch-models.sh (scripts/test.sh does)";
        }
    }

    /// <summary>Houston St @ Broadway in rain, red light: frame <paramref name="index"/> of cand_001's "before" frames.</summary>
    public static string RedLightRain(int index) =>
        Path.Combine(DataRoot!, "nyc-dot-frames", "red-light-racer", "demo_set_1", "cand_001", "before", $"{index:000}.jpg");
}
