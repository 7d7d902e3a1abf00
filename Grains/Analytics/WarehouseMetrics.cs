using System.Diagnostics.Metrics;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// The silo's warehouse instruments (meter <see cref="MeterName"/>): the writer's queue depth and row counters, read
/// from <see cref="IWarehouseWriter.Stats"/> when scraped, and rows the <see cref="AnalyticsRecorder"/> had refused.
/// </summary>
public sealed class WarehouseMetrics
{
    /// <summary>Meter name, to add to the silo's OpenTelemetry meters.</summary>
    public const string MeterName = "VibeCheck.Warehouse";

    private readonly Counter<long> _refused;

    /// <summary>Creates the instruments.</summary>
    public WarehouseMetrics(IMeterFactory meterFactory, IWarehouseWriter writer)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("vibecheck.warehouse.queue.depth", () => (long)writer.Stats.QueueDepth, "{row}",
            "Rows accepted by the silo's warehouse writer and not yet taken into a batch.");
        meter.CreateObservableCounter("vibecheck.warehouse.rows.accepted", () => writer.Stats.RowsAccepted, "{row}",
            "Rows the warehouse writer accepted.");
        meter.CreateObservableCounter("vibecheck.warehouse.rows.written", () => writer.Stats.RowsWritten, "{row}",
            "Rows the warehouse confirmed.");
        meter.CreateObservableCounter("vibecheck.warehouse.rows.failed", () => writer.Stats.RowsFailed, "{row}",
            "Rows given up on after retries and dead-lettered.");
        meter.CreateObservableCounter("vibecheck.warehouse.rows.rejected", () => writer.Stats.RowsRejected, "{row}",
            "Rows the writer refused (queue full or stopping).");
        meter.CreateObservableCounter("vibecheck.warehouse.flush.failures", () => writer.Stats.FailedFlushAttempts, "{attempt}",
            "Flush attempts that threw, including ones retried successfully.");
        _refused = meter.CreateCounter<long>("vibecheck.warehouse.rows.refused", "{row}",
            "Rows grains recorded that the writer refused, by table.");
    }

    /// <summary>Counts a row the writer refused.</summary>
    public void RowRefused(WarehouseTable table) => _refused.Add(1, new KeyValuePair<string, object?>("table", table.ToString()));
}
