using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.ReplayServer;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>A Redis outage delays events without losing them: a change made while Redis is away is published once it is back.</summary>
public sealed class EventOutageTests(ITestOutputHelper output)
{
    private const string Stream = "vibe-check-events";

    [Fact]
    public async Task A_health_change_during_a_Redis_outage_is_published_once_Redis_is_back()
    {
        await using var redis = await RedisServer.StartAsync(persistent: true);
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1, silos: 1, redisConnection: redis.ConnectionString);
        var camera = system.Cameras[0];
        var grain = system.Grains.GetGrain<ICameraGrain>(camera);
        await grain.ProcessNow();
        await PublishedEvents.WaitForAsync(system.Redis, Stream, all => all.Any(e => e.Id == $"{camera}/health/1"), TimeSpan.FromSeconds(30), "the online event");

        await redis.StopProcessAsync();
        system.Replay.SetFault(camera, CameraFault.ServerError);
        for (var n = 0; n < 3; n++)
        {
            await Task.Delay(350);
            await grain.ProcessNow();
        }

        Assert.Equal(CameraHealth.Offline, (await grain.GetSnapshot()).Health);
        await redis.StartProcessAsync();
        var restarted = DateTime.UtcNow;

        // The test's own connection reconnects on its own; the silo's drain publishes once the silo's is back.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var events = await PublishedEvents.WaitForAsync(
            connection.GetDatabase(), Stream, all => all.Any(e => e.Id == $"{camera}/health/2"), TimeSpan.FromSeconds(60), "the offline event after the outage");
        output.WriteLine($"offline event in the stream {(DateTime.UtcNow - restarted).TotalSeconds:F1} s after Redis restarted");

        var health = events.Where(e => e.Type == EventTypes.CameraHealthChanged).ToList();
        Assert.Equal([$"{camera}/health/1", $"{camera}/health/2"], health.Select(e => e.Id));
        Assert.Equal("offline", health[1].Data.GetProperty("current").GetString());
        Assert.All(health, e => Assert.Empty(PublishedEvents.SchemaErrors(e)));
    }
}
