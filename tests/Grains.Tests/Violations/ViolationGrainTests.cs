using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Grains.Tests.Support;
using VibeCheck.Grains.Violations;
using Xunit.Abstractions;

namespace VibeCheck.Grains.Tests.Violations;

[Collection(MemoryClusterCollection.Name)]
public sealed class ViolationGrainTests(MemoryClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-1);

    [Fact]
    public async Task Each_report_costs_one_state_write_and_its_alert_reaches_the_router()
    {
        var camera = Guid.NewGuid();
        var episode = $"{camera:N}:bike_lane_blocked:lane:{Guid.NewGuid():N}";
        var grain = fixture.Cluster.GrainFactory.GetGrain<IViolationGrain>(episode);
        var writes = MemoryClusterFixture.Storage.WritesOf<ViolationState>();

        for (var n = 0; n < 3; n++)
        {
            await grain.Report(Report(episode, camera, n, 0.7));
        }

        var afterThree = MemoryClusterFixture.Storage.WritesOf<ViolationState>() - writes;
        // A repeat (the camera did not see the acknowledgement) is applied once, and written once more.
        await grain.Report(Report(episode, camera, 2, 0.7));
        var afterRepeat = MemoryClusterFixture.Storage.WritesOf<ViolationState>() - writes;

        output.WriteLine($"state writes: {afterThree} for 3 reports, {afterRepeat} after a repeat");
        Assert.Equal(3, afterThree);
        Assert.Equal(4, afterRepeat);
        var alerts = await fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(IAlertGrain.Key).List(new AlertQuery(null, null, camera.ToString()));
        var alert = Assert.Single(alerts);
        Assert.Equal("medium", alert.Tier);
    }

    private static ViolationEpisodeReport Report(string episode, Guid camera, long sequence, double confidence) => new(
        episode, sequence, camera, "Test Ave", "Manhattan", "bike_lane_blocked", "lane", ViolationEpisodeStatus.Open, confidence,
        Start, null, Start.AddSeconds(2 * sequence), [$"hash-{sequence}"], [new DetectionSummary("car", confidence, 10, 20, 30, 40)], "test");
}
