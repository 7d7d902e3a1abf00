using DuckDB.NET.Data;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>Read side: guarded ad-hoc SELECTs and the ready-made summaries.</summary>
public sealed partial class DuckDbWarehouseSink
{
    /// <inheritdoc />
    public async Task<WarehouseQueryResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        DuckDbSelectGuard.EnsureSingleSelect(connection, sql);
        return await RunAsync(connection, sql, [], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ViolationSummaryRow>> SummarizeViolationsAsync(
        DateTimeOffset from, DateTimeOffset to, ViolationGrouping groupBy, CancellationToken cancellationToken)
    {
        var key = groupBy switch
        {
            ViolationGrouping.Camera => "camera_id",
            ViolationGrouping.Type => "violation_type",
            ViolationGrouping.Hour => "strftime(date_trunc('hour', started_at), '%Y-%m-%dT%H:00:00Z')",
            ViolationGrouping.Borough => "coalesce(borough, 'unknown')",
            ViolationGrouping.Day => "strftime(date_trunc('day', started_at), '%Y-%m-%dT00:00:00Z')",
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, null),
        };
        var sql = $"""
            SELECT {key} AS key, count(*) AS violations, avg(confidence) AS average_confidence
            FROM vibecheck_analytics.realtime_violations
            WHERE started_at >= $from AND started_at < $to
            GROUP BY 1 ORDER BY 1
            """;
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var result = await RunAsync(connection, sql,
            [new DuckDBParameter("from", from.UtcDateTime), new DuckDBParameter("to", to.UtcDateTime)], cancellationToken);
        return result.Rows
            .Select(r => new ViolationSummaryRow((string)r[0]!, Convert.ToInt64(r[1]), Convert.ToDouble(r[2])))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CameraTypeViolationRow>> SummarizeViolationsByCameraAndTypeAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT camera_id, violation_type, count(*) AS violations, avg(confidence) AS average_confidence
            FROM vibecheck_analytics.realtime_violations
            WHERE started_at >= $from AND started_at < $to
            GROUP BY 1, 2 ORDER BY 1, 2
            """;
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var result = await RunAsync(connection, sql,
            [new DuckDBParameter("from", from.UtcDateTime), new DuckDBParameter("to", to.UtcDateTime)], cancellationToken);
        return result.Rows
            .Select(r => new CameraTypeViolationRow((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2]), Convert.ToDouble(r[3])))
            .ToList();
    }

    private Task<WarehouseQueryResult> RunAsync(
        DuckDBConnection connection, string sql, DuckDBParameter[] parameters, CancellationToken cancellationToken)
    {
        return Task.Run(() =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(_options.QueryTimeout);

            // Every query runs in a transaction that is rolled back, whatever it was.
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddRange(parameters);
            using var cancel = limit.Token.Register(command.Cancel);
            try
            {
                return Read(command, limit.Token);
            }
            catch (Exception ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                       && ex is OperationCanceledException or DuckDBException)
            {
                throw new TimeoutException($"The query ran longer than {_options.QueryTimeout.TotalSeconds:0.###} s.", ex);
            }
            finally
            {
                transaction.Rollback();
            }
        }, CancellationToken.None);
    }

    private WarehouseQueryResult Read(DuckDBCommand command, CancellationToken cancellationToken)
    {
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<IReadOnlyList<object?>>();
        var truncated = false;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == _options.MaxQueryRows)
            {
                truncated = true;
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : DuckDbValues.Normalize(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new WarehouseQueryResult(columns, types, rows, truncated);
    }
}
