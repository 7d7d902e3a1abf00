using System.Text.Json;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Integration.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class CameraGrainTests(ClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private async Task<Guid> CameraWithFramesAsync(int index, IReadOnlyList<byte[]> frames)
    {
        var camera = System.Cameras[index];
        System.Replay.SetFrames(camera, frames, advanceEachRequest: true);
        return await Task.FromResult(camera);
    }

    [Fact]
    public async Task Unchanged_frame_is_not_analysed_again()
    {
        var camera = await CameraWithFramesAsync(9, [SyntheticFrames.Scene(9, new DateTime(2026, 1, 1))]);
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);

        var first = await grain.ProcessNow();
        await Task.Delay(350);
        var second = await grain.ProcessNow();

        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.FrameHash, second.FrameHash);
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(1, snapshot.Counters.FramesAnalysed);
        Assert.Equal(1, snapshot.Counters.FramesUnchanged);
    }

    [Fact]
    public async Task Frame_with_a_live_vision_key_is_not_analysed_again()
    {
        var a = SyntheticFrames.Scene(10, new DateTime(2026, 1, 1, 8, 0, 0));
        var b = SyntheticFrames.Scene(10, new DateTime(2026, 1, 1, 8, 0, 2), boxX: 100);
        var camera = await CameraWithFramesAsync(10, [a, b, a]);
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);

        var results = new List<ProcessResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await grain.ProcessNow());
            await Task.Delay(350);
        }

        Assert.Equal([false, false, true], results.Select(r => r.CacheHit));
        Assert.Equal(results[0].FrameHash, results[2].FrameHash);
        Assert.Equal(2, (await grain.GetSnapshot()).Counters.FramesAnalysed);
    }

    [Fact]
    public async Task Request_within_refresh_period_is_served_without_fetching()
    {
        var camera = System.Cameras[11];
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);
        await Task.Delay(350);
        var before = System.Replay.ImageRequestsOf(camera);

        var first = await grain.ProcessNow();
        var second = await grain.ProcessNow();

        Assert.Equal(before + 1, System.Replay.ImageRequestsOf(camera));
        Assert.True(second.CacheHit);
        Assert.Equal(first.FrameHash, second.FrameHash);
    }

    [Fact]
    public async Task Vision_key_is_written_with_five_minute_ttl()
    {
        var camera = System.Cameras[3];
        var result = await System.Grains.GetGrain<ICameraGrain>(camera).ProcessNow();
        await Task.Delay(350);

        var key = CacheKeys.Frame(camera, result.FrameHash!);
        Assert.Equal($"vision:camera:{camera}:frame:{result.FrameHash}", key);
        var ttl = await System.Redis.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value.TotalSeconds, 280, 300);
        var cached = JsonSerializer.Deserialize<JsonElement>((string)(await System.Redis.StringGetAsync(key))!);
        Assert.Equal(352, cached.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Picture_that_stops_changing_apart_from_the_clock_is_frozen()
    {
        var camera = await CameraWithFramesAsync(4, SyntheticFrames.SameSceneTicking(4, 8));
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);

        ProcessResult last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await grain.ProcessNow();
            Assert.False(last.CacheHit); // every frame is byte-different (the clock moves)
            await Task.Delay(350);
        }

        Assert.Equal(CameraHealth.Frozen, last.Health);
        System.Replay.SetFrames(camera, SyntheticFrames.MovingScene(4, 6), advanceEachRequest: true);
        await grain.ProcessNow();
        await Task.Delay(350);
        Assert.Equal(CameraHealth.Online, (await grain.ProcessNow()).Health);
    }

    [Fact]
    public async Task Service_card_is_reported_as_being_serviced()
    {
        var camera = await CameraWithFramesAsync(5, [SyntheticFrames.ServiceCard()]);

        var result = await System.Grains.GetGrain<ICameraGrain>(camera).ProcessNow();

        Assert.Equal(CameraHealth.BeingServiced, result.Health);
    }

    [Fact]
    public async Task State_survives_the_silo_that_held_it_stopping()
    {
        var camera = System.Cameras[6];
        var grain = System.Grains.GetGrain<ICameraGrain>(camera);
        var processed = await grain.ProcessNow();

        // Stop and replace a silo: whichever held the grain, the state must come back from Redis.
        var victim = System.Cluster.SecondarySilos.First();
        await System.Cluster.StopSiloAsync(victim);
        await System.Cluster.StartAdditionalSiloAsync();
        await System.Cluster.WaitForLivenessToStabilizeAsync();

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(processed.FrameHash, snapshot.LastFrameHash);
        Assert.Equal(processed.FrameTakenAt, snapshot.LastFrameTakenAt);
        Assert.NotNull(snapshot.LastCheckedAt);
        // The counters are the activation's own, not persisted: a camera that came back from Redis counts from then.
        Assert.True(snapshot.Counters.Since >= processed.FrameTakenAt || snapshot.Counters.Fetches >= 1, snapshot.Counters.ToString());
    }
}
