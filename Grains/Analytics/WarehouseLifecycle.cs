using Microsoft.Extensions.Logging;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// Flushes the silo's warehouse writer when the silo starts stopping (leaving stage <see cref="ServiceLifecycleStage.Active"/>),
/// while grains, and so the <see cref="Interfaces.Analytics.IWarehouseGrain"/>, still answer; the writer's own hosted-service
/// stop comes later and finds nothing left. Also creates the <see cref="WarehouseMetrics"/> at silo start.
/// </summary>
public sealed class WarehouseLifecycle(WarehouseWriter writer, WarehouseMetrics metrics, ILogger<WarehouseLifecycle> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        GC.KeepAlive(metrics);
        lifecycle.Subscribe(nameof(WarehouseLifecycle), ServiceLifecycleStage.Active, _ => Task.CompletedTask, StopAsync);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        var before = writer.Stats;
        await writer.StopAsync(cancellationToken);
        var after = writer.Stats;
        logger.LogInformation(
            "Warehouse writer flushed on silo stop: {Pending} rows were pending; {Written} written, {Failed} dead-lettered in total",
            before.RowsPending, after.RowsWritten, after.RowsFailed);
    }
}
