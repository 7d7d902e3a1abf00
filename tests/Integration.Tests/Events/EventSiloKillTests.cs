using VibeCheck.Grains.Interfaces.Violations;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>
/// The silo holding an episode is killed mid-life: the episode's grain comes back on the survivor from its persisted
/// state, and a consumer de-duplicating by id reads the episode's life and its alert once each, in order. Own system,
/// since it kills a silo.
/// </summary>
public sealed class EventSiloKillTests(ITestOutputHelper output)
{
    private const string Stream = "vibe-check-events";

    [Fact]
    public async Task An_episode_whose_silo_is_killed_mid_life_is_told_once_each_in_order()
    {
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1);
        var camera = Guid.NewGuid();
        var episode = $"{camera:N}:bus_lane_blocked:lane:{Guid.NewGuid():N}";
        var grain = system.Grains.GetGrain<IViolationGrain>(episode);
        for (var n = 0; n < 3; n++)
        {
            await grain.Report(EpisodeReports.Of(episode, camera, "bus_lane_blocked", n, 0.7, resolved: false));
        }

        var management = system.Grains.GetGrain<IManagementGrain>(0);
        var host = await management.GetActivationAddress(grain);
        await system.Cluster.KillSiloAsync(system.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        var killedAt = DateTime.UtcNow;

        // What the camera does: repeat each report until it is acknowledged.
        for (var n = 3; n < 7; n++)
        {
            var report = EpisodeReports.Of(episode, camera, "bus_lane_blocked", n, 0.95, resolved: n == 6);
            await VibeCheckCluster.WaitUntilAsync(async () =>
            {
                try
                {
                    await grain.Report(report);
                    return true;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(120), $"report {n} accepted after the kill");
        }

        output.WriteLine($"killed {host}; the episode ended on the survivor {(DateTime.UtcNow - killedAt).TotalSeconds:F1} s later");
        var events = (await PublishedEvents.ReadAsync(system.Redis, Stream)).Where(e => e.Source == $"/cameras/{camera}").ToList();
        foreach (var e in events)
        {
            output.WriteLine($"{e.EntryId} {e.Type} {e.Id}");
        }

        var firstOfEach = events.DistinctBy(e => e.Id).ToList();
        Assert.Equal(
            [$"{episode}/opened", $"{episode}/updated/medium", "firing", $"{episode}/updated/high", $"{episode}/resolved", "resolved"],
            firstOfEach.Select(e => e.Subject == episode ? e.Id : e.Id.Split('/')[^1]));
        Assert.All(events, e => Assert.Empty(PublishedEvents.SchemaErrors(e)));
    }
}
