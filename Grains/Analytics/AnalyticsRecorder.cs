using Microsoft.Extensions.Logging;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// Hands rows to the silo's batching <see cref="IWarehouseWriter"/> with <see cref="IWarehouseWriter.TryEnqueue"/>, so a
/// grain never waits. A refused row (queue full: the warehouse is behind; or the silo is stopping) is not buffered
/// again (that would only move the unbounded memory elsewhere): it is counted in <c>vibecheck.warehouse.rows.refused</c>
/// by table and logged as a warning at most once per <see cref="LogInterval"/>, with the number refused since.
/// </summary>
public sealed class AnalyticsRecorder(IWarehouseWriter writer, WarehouseMetrics metrics, TimeProvider clock, ILogger<AnalyticsRecorder> logger)
    : IAnalyticsRecorder
{
    /// <summary>Least time between two warnings about refused rows.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _refusedSinceLog;
    private DateTimeOffset _lastLog = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public bool Record(IWarehouseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (writer.TryEnqueue(row))
        {
            return true;
        }

        metrics.RowRefused(row.Table);
        long refused;
        lock (_gate)
        {
            _refusedSinceLog++;
            var now = clock.GetUtcNow();
            if (now - _lastLog < LogInterval)
            {
                return false;
            }

            refused = _refusedSinceLog;
            _refusedSinceLog = 0;
            _lastLog = now;
        }

        logger.LogWarning(
            "Warehouse writer refused {Refused} rows since the last warning (queue full or stopping); latest: {Table} {RowId}",
            refused, row.Table, row.RowId);
        return false;
    }
}
