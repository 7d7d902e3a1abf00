using VibeCheck.Integration.Tests;
using VibeCheck.Integration.Tests.Analytics;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Web.Tests;

/// <summary>
/// Violation rows written into the warehouse through the silos' recorders, as the detectors write them: some in the
/// last hours on a registry camera (so it leads the top cameras and opens on the live page), one days ago of a type of
/// its own (so that only a range of several days shows it).
/// </summary>
public sealed record OverviewSeed(string TopCamera, string OldType)
{
    public const int RecentRows = 40;

    public static async Task<OverviewSeed> WriteAsync(VibeCheckCluster system, string topCamera)
    {
        var now = DateTimeOffset.UtcNow;
        var oldType = $"overview_test_{Guid.NewGuid():N}"[..24];
        ViolationRecord Row(string camera, string type, DateTimeOffset at, string borough) =>
            new($"ep-{Guid.NewGuid():N}", camera, type, "lane", "warning", 0.75, at, at + TimeSpan.FromMinutes(2), ["h1"], "test-model-1", borough);
        var rows = Enumerable.Range(0, RecentRows)
            .Select(i => Row(topCamera, i % 3 == 0 ? "bus_lane_blocked" : "bike_lane_blocked", now - TimeSpan.FromMinutes(20 + 17 * i), "Manhattan"))
            .Append(Row($"cam-{Guid.NewGuid():N}", oldType, now - TimeSpan.FromDays(3), "Queens"))
            .ToList();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Assert.True(SiloWarehouse.Recorder(system.Cluster.Silos[i % system.Cluster.Silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(system);
        return new OverviewSeed(topCamera, oldType);
    }
}
