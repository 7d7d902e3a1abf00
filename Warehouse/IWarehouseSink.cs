using VibeCheck.Warehouse.Querying;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse;

/// <summary>A warehouse backend (DuckDB or BigQuery). Fed by <see cref="Writing.WarehouseWriter"/>, queried by the gateway.</summary>
public interface IWarehouseSink
{
    /// <summary>Provider name, e.g. <c>DuckDb</c>.</summary>
    string Provider { get; }

    /// <summary>
    /// Writes a batch idempotently: rows whose <see cref="IWarehouseRow.RowId"/> already exists replace the stored row.
    /// Throws <see cref="WarehouseWriteException"/> (or any exception) when the batch, or part of it, was not written;
    /// retrying the whole batch is always safe.
    /// </summary>
    Task WriteAsync(IReadOnlyList<IWarehouseRow> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one read-only SELECT with the configured row limit and timeout.
    /// Throws <see cref="WarehouseQueryRejectedException"/> when the SQL is not a single SELECT,
    /// <see cref="TimeoutException"/> when it runs past the timeout.
    /// </summary>
    Task<WarehouseQueryResult> QueryAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Violations whose episode started in [<paramref name="from"/>, <paramref name="to"/>), grouped.</summary>
    Task<IReadOnlyList<ViolationSummaryRow>> SummarizeViolationsAsync(
        DateTimeOffset from, DateTimeOffset to, ViolationGrouping groupBy, CancellationToken cancellationToken);

    /// <summary>
    /// Violations whose episode started in [<paramref name="from"/>, <paramref name="to"/>), one row per camera and type
    /// that has any, ordered by camera then type.
    /// </summary>
    Task<IReadOnlyList<CameraTypeViolationRow>> SummarizeViolationsByCameraAndTypeAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Whether the backend is reachable and its schema is in place.</summary>
    Task<WarehouseHealth> CheckHealthAsync(CancellationToken cancellationToken);
}
