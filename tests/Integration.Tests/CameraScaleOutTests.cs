using System.Net.Http.Json;
using VibeCheck.Grains.Interfaces;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// Silos join a cluster whose cameras all run on the first one: the registry's watchdog moves cameras to them until
/// each holds its share, and no camera stops polling or loses its state on the way. Own system, since it adds silos.
/// </summary>
public sealed class CameraScaleOutTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int CameraCount = 24;
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Cameras_spread_over_silos_that_join_and_keep_polling()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: CameraCount,
            silos: 1,
            settings: new Dictionary<string, string?>
            {
                ["Cameras:PollInterval"] = "00:00:01",
                ["Cameras:Jitter"] = "0.5",
                ["Cameras:WatchdogPeriod"] = "00:00:02",
                ["Cameras:RebalanceMovesPerPass"] = "64",
            });
        using var replay = system.NewReplayClient();
        await system.WaitForPollsAsync(3, TimeSpan.FromSeconds(60));
        var before = await FetchesAsync(system);

        var joinedAt = DateTimeOffset.UtcNow;
        await system.Cluster.StartAdditionalSiloAsync();
        await system.Cluster.StartAdditionalSiloAsync();
        var silos = system.Cluster.Silos.Select(s => s.SiloAddress).ToList();

        Dictionary<SiloAddress, int> counts = [];
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                counts = await CamerasBySiloAsync(system, silos);
                return counts.Values.Max() - counts.Values.Min() <= 1;
            },
            TimeSpan.FromSeconds(90),
            "every silo to hold its share of the cameras",
            () => Task.FromResult(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))));
        output.WriteLine($"cameras per silo after the scale-out: {string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))}");
        using var admin = system.NewClient(VibeCheckCluster.AdminKey);
        var sweep = await (await admin.PostAsync("/admin/cameras/sweep", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CameraSweepReport>();
        Assert.Equal(CameraCount, sweep!.Watched);
        Assert.Equal(0, sweep.Unreachable);
        Assert.Equal(counts.Where(c => c.Value > 0).ToDictionary(c => c.Key.ToString(), c => c.Value), sweep.CamerasBySilo);
        Assert.Equal(0, sweep.Moved);

        // A few more polls of each, then: nobody stopped for long, and each kept the state it had before moving.
        var settled = DateTimeOffset.UtcNow;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                var report = await replay.GetFromJsonAsync<PollsReport>($"/_replay/polls?since={settled.ToUnixTimeMilliseconds()}");
                return system.Cameras.All(id => report!.Cameras.Any(c => c.CameraId == id && c.Requests >= 3));
            },
            TimeSpan.FromSeconds(60), "every camera polling after the moves");
        var polls = await replay.GetFromJsonAsync<PollsReport>($"/_replay/polls?since={joinedAt.ToUnixTimeMilliseconds()}");
        var stops = CameraStops.Of(polls!, system.Cameras);
        output.WriteLine("since the join, " + stops.Describe());
        stops.AssertWithin(StopBound);
        var after = await FetchesAsync(system);
        Assert.All(system.Cameras, id => Assert.True(after[id].Fetches > before[id].Fetches, $"camera {id}: {before[id].Fetches} fetches before the move, {after[id].Fetches} after"));
        // A move is not a restart: the counters, which are not persisted, moved with the camera.
        Assert.All(system.Cameras, id => Assert.Equal(before[id].Since, after[id].Since));
    }

    private static async Task<Dictionary<SiloAddress, int>> CamerasBySiloAsync(VibeCheckCluster system, IReadOnlyList<SiloAddress> silos)
    {
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        var counts = silos.ToDictionary(s => s, _ => 0);
        foreach (var camera in system.Cameras)
        {
            if (await management.GetActivationAddress(system.Grains.GetGrain<ICameraGrain>(camera)) is { } silo)
            {
                counts[silo] = counts.GetValueOrDefault(silo) + 1;
            }
        }

        return counts;
    }

    private static async Task<Dictionary<Guid, CameraCounters>> FetchesAsync(VibeCheckCluster system)
    {
        var fetches = new Dictionary<Guid, CameraCounters>();
        foreach (var camera in system.Cameras)
        {
            fetches[camera] = (await system.Grains.GetGrain<ICameraGrain>(camera).GetSnapshot()).Counters;
        }

        return fetches;
    }
}
