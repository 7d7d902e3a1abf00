using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// Where grains hand rows for the analytics warehouse (violations, alert events, activity buckets, health
/// transitions). Never waits on the warehouse; rows it cannot accept are counted and logged, never dropped silently.
/// </summary>
public interface IAnalyticsRecorder
{
    /// <summary>Accepts the row for a later batched write; false when the writer refused it (full or stopping).</summary>
    bool Record(IWarehouseRow row);
}
