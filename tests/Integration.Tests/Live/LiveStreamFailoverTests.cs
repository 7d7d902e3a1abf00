using System.Net;
using System.Text.Json;
using VibeCheck.Grains.Interfaces.Live;

namespace VibeCheck.Integration.Tests.Live;

/// <summary>
/// Live updates keep flowing when the silo that kept a stream's subscriptions dies: the pub/sub store is in Redis,
/// so the rendezvous grain reactivated on another silo still knows the gateway. The gateway's own re-subscription
/// check is pushed out of the test's reach, so only the durable store can explain the events that arrive.
/// </summary>
public sealed class LiveStreamFailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Camera_events_reach_the_gateway_after_every_silo_that_saw_the_subscription_is_killed()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 2, silos: 2, settings: new Dictionary<string, string?> { ["Live:SubscriptionCheckInterval"] = "1.00:00:00" });
        var camera = system.Cameras[0];
        using var client = system.NewClient(null);
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(Bound * 2);

        await ProcessUntilEventAsync(system, reader, camera, DateTimeOffset.MinValue, timeout.Token);

        // The silo with the rendezvous grain dies, a fresh silo joins and the other original silo dies too: the stream
        // queues' agents are then all new and must ask the pub/sub store who is subscribed.
        var rendezvousHost = await RendezvousHostAsync(system, camera);
        await system.Cluster.KillSiloAsync(system.Cluster.Silos.Single(s => s.SiloAddress.Equals(rendezvousHost)));
        var replacement = await system.Cluster.StartAdditionalSiloAsync();
        await system.Cluster.KillSiloAsync(system.Cluster.Silos.Single(s => s != replacement));
        var killedAt = DateTimeOffset.UtcNow;

        // Only an event of a frame processed after the kills counts: earlier ones may still be in the pipe.
        await ProcessUntilEventAsync(system, reader, camera, killedAt, timeout.Token);
        output.WriteLine($"camera events reached the gateway again {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after both original silos were killed");
        var stored = await system.Redis.ExecuteAsync("KEYS", $"{system.ServiceId}/state/pubsubrendezvous/*");
        Assert.NotEmpty((StackExchange.Redis.RedisResult[])stored!);
    }

    private static async Task<SiloAddress> RendezvousHostAsync(VibeCheckCluster system, Guid camera)
    {
        var statistics = await system.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics
            .Where(s => s.GrainId.ToString().Contains("pubsubrendezvous", StringComparison.OrdinalIgnoreCase)
                && s.GrainId.ToString().Contains(LiveStreams.CameraEventsKey(camera), StringComparison.Ordinal))
            .Select(s => s.SiloAddress)
            .First();
    }

    /// <summary>Processes the camera once a second until a <c>frame_processed</c> event of it, at or after <paramref name="notBefore"/>, comes through <c>/events</c>.</summary>
    private static async Task ProcessUntilEventAsync(
        VibeCheckCluster system, StreamReader reader, Guid camera, DateTimeOffset notBefore, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + Bound;
        var reading = ReadCameraEventAsync(reader, camera, notBefore, cancellation);
        while (!reading.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no event of camera {camera} within {Bound.TotalSeconds:F0} s");
            }

            try
            {
                await system.Http.PostAsync($"/process/camera/{camera}", null, cancellation);
            }
            catch (HttpRequestException)
            {
                // The cluster is still noticing the dead silo; the next attempt will do.
            }

            await Task.WhenAny(reading, Task.Delay(1000, cancellation));
        }

        await reading;
    }

    private static async Task ReadCameraEventAsync(StreamReader reader, Guid camera, DateTimeOffset notBefore, CancellationToken cancellation)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "camera")
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                if (data.GetProperty("cameraId").GetString() == camera.ToString() && data.GetProperty("kind").GetString() == "frame_processed"
                    && data.GetProperty("at").GetDateTimeOffset() >= notBefore)
                {
                    return;
                }
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }
}
