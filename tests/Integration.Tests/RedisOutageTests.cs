using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;

namespace VibeCheck.Integration.Tests;

/// <summary>Redis going away and coming back, with a Redis of the test's own that keeps its data across the restart.</summary>
public sealed class RedisOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Redis_outage_degrades_health_keeps_serving_and_loses_no_accepted_state()
    {
        await using var redis = await RedisServer.StartAsync(persistent: true);
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 2, silos: 1, redisConnection: redis.ConnectionString);
        var camera = system.Cameras[0];
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsync($"/process/camera/{camera}", null)).StatusCode);

        await redis.StopProcessAsync();

        var health = await system.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var problem = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("redis", problem.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync($"/cameras/{camera}")).StatusCode);

        // A frame accepted during the outage is kept in the grain, not dropped.
        await Task.Delay(350);
        var during = await system.Http.PostAsync($"/process/camera/{camera}", null);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);

        await redis.StartProcessAsync();
        var restartedAt = DateTime.UtcNow;
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await system.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "health to recover");
        output.WriteLine($"/health healthy again {(DateTime.UtcNow - restartedAt).TotalSeconds:F1} s after Redis restarted");
        await Task.Delay(350);
        Assert.Equal(HttpStatusCode.OK, (await system.Http.PostAsync($"/process/camera/{camera}", null)).StatusCode);

        // The silo writes what it held once its own Redis connection is back, which may be a moment after the gateway's:
        // the stored state catches up with the grain's, to the last accepted fetch.
        var shown = await system.Http.GetFromJsonAsync<JsonElement>($"/cameras/{camera}");
        var lastChecked = shown.GetProperty("lastCheckedAt").GetDateTimeOffset();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        // The Redis grain storage layout: {ServiceId}/state/{grainType}/{key}/{stateName}.
        var stateKey = $"{system.ServiceId}/state/camera/{camera:N}/camera";
        DateTimeOffset? stored = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                var data = JsonDocument.Parse((string)(await connection.GetDatabase().HashGetAsync(stateKey, "data"))!);
                stored = data.RootElement.GetProperty("Enrolment").GetProperty("LastCheckedAt").GetDateTimeOffset();
                return stored == lastChecked;
            },
            TimeSpan.FromSeconds(30), "the last accepted fetch in Redis", () => Task.FromResult($"stored {stored:O}, grain {lastChecked:O}"));
    }
}
