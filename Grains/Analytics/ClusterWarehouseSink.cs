using System.Text.Json;
using VibeCheck.Grains.Interfaces.Analytics;
using VibeCheck.Warehouse;
using VibeCheck.Warehouse.Querying;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// The sink of each silo's batching writer when the warehouse is the embedded DuckDB: it forwards every batch to the
/// one <see cref="IWarehouseGrain"/>, which owns the database file, so the silos of a cluster (in one process or
/// several) never open the file twice and queries see every silo's rows.
/// </summary>
public sealed class ClusterWarehouseSink(IGrainFactory grains) : IWarehouseSink
{
    private IWarehouseGrain Warehouse => grains.GetGrain<IWarehouseGrain>(IWarehouseGrain.Key);

    /// <inheritdoc />
    public string Provider => "DuckDb";

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<IWarehouseRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? Task.CompletedTask
            : Warehouse.Write(new AnalyticsRowBatch(rows.Select(WarehouseRowCodec.ToEnvelope).ToArray())).WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<WarehouseQueryResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        var outcome = await Warehouse.Query(sql).WaitAsync(cancellationToken);
        return outcome.Status switch
        {
            AnalyticsQueryStatus.Rejected => throw new WarehouseQueryRejectedException(outcome.Reason ?? "rejected"),
            AnalyticsQueryStatus.TimedOut => throw new TimeoutException(outcome.Reason),
            _ => new WarehouseQueryResult(outcome.Columns, outcome.ColumnTypes,
                JsonSerializer.Deserialize<List<List<object?>>>(outcome.RowsJson)!.Select(r => (IReadOnlyList<object?>)r).ToList(),
                outcome.Truncated),
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ViolationSummaryRow>> SummarizeViolationsAsync(
        DateTimeOffset from, DateTimeOffset to, ViolationGrouping groupBy, CancellationToken cancellationToken)
    {
        var rows = await Warehouse.SummarizeViolations(from, to, Enum.Parse<AnalyticsGrouping>(groupBy.ToString())).WaitAsync(cancellationToken);
        return rows.Select(r => new ViolationSummaryRow(r.Key, r.Violations, r.AverageConfidence)).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CameraTypeViolationRow>> SummarizeViolationsByCameraAndTypeAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await Warehouse.SummarizeViolationsByCameraAndType(from, to).WaitAsync(cancellationToken);
        return rows.Select(r => new CameraTypeViolationRow(r.Camera, r.Type, r.Violations, r.AverageConfidence)).ToList();
    }

    /// <inheritdoc />
    public async Task<WarehouseHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var health = await Warehouse.CheckHealth().WaitAsync(cancellationToken);
        return new WarehouseHealth(health.Healthy, health.Provider, health.Detail);
    }
}
