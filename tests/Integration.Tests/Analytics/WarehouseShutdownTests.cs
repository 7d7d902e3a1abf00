using VibeCheck.Warehouse.Rows;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>Stops a silo, so it runs on its own cluster.</summary>
public sealed class WarehouseShutdownTests
{
    [Fact]
    public async Task Rows_queued_on_a_stopping_silo_are_flushed_before_it_stops()
    {
        // Batches never fill and never time out here: only the flush at silo stop can write these rows.
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1, settings: new Dictionary<string, string?>
        {
            ["Warehouse:FlushInterval"] = "01:00:00",
            ["Warehouse:BatchSize"] = "100000",
            ["Warehouse:QueueCapacity"] = "100000",
        });
        using var admin = system.NewClient(VibeCheckCluster.AdminKey);
        var leaving = system.Cluster.SecondarySilos[0];
        var camera = $"cam-{Guid.NewGuid():N}";
        var at = new DateTimeOffset(2002, 2, 2, 0, 0, 0, TimeSpan.Zero);
        var recorder = SiloWarehouse.Recorder(leaving);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(recorder.Record(new CameraHealthTransitionRecord(camera, "online", "offline", at.AddMinutes(i), "test")));
        }

        var writer = SiloWarehouse.Writer(leaving);
        Assert.Equal(50, writer.Stats.RowsPending);
        Assert.Equal(0, await CountAsync(admin, $"SELECT COUNT(*) FROM vibecheck_analytics.camera_health WHERE camera_id = {Quote(camera)}"));

        await system.Cluster.StopSiloAsync(leaving);

        Assert.Equal(50, writer.Stats.RowsWritten);
        Assert.Equal(0, writer.Stats.RowsFailed);
        Assert.Equal(50, await CountAsync(admin, $"SELECT COUNT(*) FROM vibecheck_analytics.camera_health WHERE camera_id = {Quote(camera)}"));
        Assert.False(recorder.Record(new CameraHealthTransitionRecord(camera, "offline", "online", at.AddDays(1), "after stop")));
        Assert.Equal(1, writer.Stats.RowsRejected);
    }
}
