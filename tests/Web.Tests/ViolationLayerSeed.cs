using VibeCheck.Integration.Tests;
using VibeCheck.Integration.Tests.Analytics;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Web.Tests;

/// <summary>
/// Violation rows of two types of their own (so that other tests' rows cannot change their counts) written into the
/// warehouse through the silos' recorders, at known ages on two registry cameras and one camera not on the map.
/// </summary>
public sealed record ViolationLayerSeed(string Near, string Far, string TypeA, string TypeB, string Elsewhere)
{
    /// <summary>The seeded counts of each camera for a range ("1h", "24h", "7d"): type → count, only the types seeded.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Expected(string range) => range switch
    {
        "1h" => Counts((Near, TypeA, 3), (Elsewhere, TypeA, 1)),
        "24h" => Counts((Near, TypeA, 3), (Near, TypeB, 2), (Far, TypeB, 4), (Elsewhere, TypeA, 1)),
        _ => Counts((Near, TypeA, 3), (Near, TypeB, 2), (Far, TypeB, 4), (Far, TypeA, 1), (Elsewhere, TypeA, 1)),
    };

    public static async Task<ViolationLayerSeed> WriteAsync(VibeCheckCluster system, Guid near, Guid far)
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var seed = new ViolationLayerSeed(near.ToString(), far.ToString(), $"map_layer_a_{suffix}", $"map_layer_b_{suffix}", $"cam-{Guid.NewGuid():N}");
        ViolationRecord Row(string camera, string type, TimeSpan age) =>
            new($"ep-{Guid.NewGuid():N}", camera, type, "lane", "warning", 0.8, now - age, now - age + TimeSpan.FromMinutes(1), ["h1"], "test-model-1", "Manhattan");
        ViolationRecord[] rows =
        [
            // Ages well inside their range, far from its edges.
            Row(seed.Near, seed.TypeA, TimeSpan.FromMinutes(10)), Row(seed.Near, seed.TypeA, TimeSpan.FromMinutes(20)), Row(seed.Near, seed.TypeA, TimeSpan.FromMinutes(30)),
            Row(seed.Near, seed.TypeB, TimeSpan.FromHours(5)), Row(seed.Near, seed.TypeB, TimeSpan.FromHours(6)),
            .. Enumerable.Range(2, 4).Select(h => Row(seed.Far, seed.TypeB, TimeSpan.FromHours(h))),
            Row(seed.Far, seed.TypeA, TimeSpan.FromDays(3)),
            Row(seed.Elsewhere, seed.TypeA, TimeSpan.FromMinutes(15)),
        ];
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Assert.True(SiloWarehouse.Recorder(system.Cluster.Silos[i % system.Cluster.Silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(system);
        return seed;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Counts(params (string Camera, string Type, long Count)[] cells) =>
        cells.GroupBy(c => c.Camera).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(c => c.Type, c => c.Count));
}
