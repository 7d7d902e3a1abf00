using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// The cache hit rate counts requests for a camera's analysis, as the original design meant it: a camera's own polls
/// see a new frame nearly every time (the cameras refresh every 2 s) and would drag the rate down on a healthy system.
/// </summary>
public sealed class CacheHitRateTests
{
    [Fact]
    public async Task Only_requests_count_towards_the_cache_hit_rate_not_the_cameras_own_polls()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1, silos: 1,
            settings: new Dictionary<string, string?> { ["Cameras:PollInterval"] = "00:00:01", ["Cameras:Jitter"] = "0.5" });
        var camera = system.Cameras[0];
        system.Replay.SetFrames(camera, SyntheticFrames.MovingScene(0, 6), advanceEachRequest: true);
        var grain = system.Grains.GetGrain<ICameraGrain>(camera);
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await grain.GetSnapshot()).Counters.FramesAnalysed >= 3, TimeSpan.FromSeconds(60), "three polls with new frames");

        var polled = (await grain.GetSnapshot()).Counters;
        // Hit or miss depends on when the last poll was (within the refresh period or not); each counts as what it was.
        var results = new List<ProcessResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await grain.ProcessNow());
            await Task.Delay(700);
        }

        var requested = (await grain.GetSnapshot()).Counters;

        Assert.Equal((0, 0), (polled.CacheHits, polled.CacheMisses));
        Assert.True(requested.Fetches > polled.Fetches, "the camera's own polls went on meanwhile");
        Assert.Equal(results.Count(r => r.CacheHit), requested.CacheHits);
        Assert.Equal(results.Count(r => !r.CacheHit), requested.CacheMisses);
    }
}
