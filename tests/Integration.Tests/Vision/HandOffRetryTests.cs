using System.Net.Http.Json;
using VibeCheck.Grains.Interfaces;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Vision;

/// <summary>The camera's at-least-once hand-off of episode reports, with a Redis of the test's own that goes away.</summary>
public sealed class HandOffRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reports_held_during_a_Redis_outage_stay_pending_and_are_delivered_once_Redis_is_back()
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync(persistent: true);
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1,
            silos: 1,
            // Short Redis timeouts: every Redis call of a poll during the outage waits for one.
            redisConnection: $"{redis.ConnectionString},asyncTimeout=1500,syncTimeout=1500,connectTimeout=1500",
            settings: new Dictionary<string, string?>
            {
                ["Vision:Episodes:EndCutoff"] = "00:05:00",
                ["Vision:Episodes:MaxFrameGap"] = "00:05:00",
                ["Cameras:Watch:0"] = "00000000-0000-0000-0000-000000000001",
            });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: cluster up");
        var camera = system.Cameras[0];
        var grain = system.Grains.GetGrain<ICameraGrain>(camera);
        system.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 5, stopped: 40, after: 0), advanceEachRequest: true);
        (await system.Http.PutAsJsonAsync($"/cameras/{camera}/zones", StreetScene.BikeLane)).EnsureSuccessStatusCode();
        for (var i = 0; i < 5; i++)
        {
            await VisionClusterFixture.ProcessAsync(system, camera);
        }

        for (var i = 0; i < 3; i++)
        {
            await VisionClusterFixture.ProcessInNewSlotAsync(system, camera);
        }

        var opened = await CameraOutbox.DrainedAsync(system.Grains, camera);
        Assert.Equal(1, opened.OpenEpisodes);
        Assert.Equal(1, opened.ViolationReportsSent);

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: episode open");
        await redis.StopProcessAsync();
        await VisionClusterFixture.ProcessInNewSlotAsync(system, camera);

        var during = await grain.GetDetectionStatus();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: during the outage: {during}");
        Assert.Equal(1, during.PendingViolationReports);
        Assert.Equal(1, during.ViolationReportsSent);

        await redis.StartProcessAsync();
        await RedisServer.WaitUntilAnswersAsync(redis.ConnectionString, TimeSpan.FromSeconds(30));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: Redis back");

        // The activation goes away (its state, pending report included, written on the way out) and a new one reads it back.
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                try
                {
                    await management.ForceActivationCollection(TimeSpan.Zero);
                    return await management.GetActivationAddress(grain) is null;
                }
                catch (Exception ex)
                {
                    // The silo's Redis connection may not have reconnected yet.
                    output.WriteLine($"collection not done yet: {ex.GetType().Name}: {ex.Message}");
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the camera's activation to be collected");
        CameraDetectionStatus? reloaded = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                try
                {
                    reloaded = await grain.GetDetectionStatus();
                    return true;
                }
                catch (Exception ex)
                {
                    output.WriteLine($"reactivation not possible yet: {ex.GetType().Name}: {ex.Message}");
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            "the camera to reactivate from Redis");
        // Either written on the way out still pending, or handed off by the camera as soon as its Redis connection
        // answered again, before the collection: nothing lost, nothing counted twice, the rest as it was.
        Assert.Equal(during.PendingViolationReports + during.ViolationReportsSent, reloaded!.PendingViolationReports + reloaded.ViolationReportsSent);
        Assert.Equal(during with { PendingViolationReports = 0, ViolationReportsSent = 0 }, reloaded with { PendingViolationReports = 0, ViolationReportsSent = 0 });
        output.WriteLine($"reloaded: {reloaded}");
        var episode = Assert.Single(await grain.GetViolations());
        Assert.InRange(episode.FrameHashes.Count, 4, 12);
        Assert.All(episode.FrameHashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                await VisionClusterFixture.ProcessInNewSlotAsync(system, camera);
                return (await grain.GetDetectionStatus()).PendingViolationReports == 0;
            },
            TimeSpan.FromSeconds(60),
            "the pending reports to be delivered after Redis came back");

        var after = await grain.GetDetectionStatus();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: after the outage: {after}");
        // The new activation's detector starts a fresh background model, so frames after the reload may add no report.
        Assert.True(after.ViolationReportsSent >= during.ViolationReportsSent + during.PendingViolationReports, after.ToString());
        Assert.Equal(1, after.OpenEpisodes);
    }
}
