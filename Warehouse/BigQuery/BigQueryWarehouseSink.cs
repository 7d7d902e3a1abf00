using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Querying;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// The BigQuery warehouse: creates the dataset and tables on first use, streams rows with insertAll using the row id
/// as <c>insertId</c> (BigQuery's best-effort de-duplication), retries rows that failed for transient reasons and
/// reports rows BigQuery rejected as invalid. Queries are admitted only when a dry run classifies them as SELECT.
/// </summary>
public sealed class BigQueryWarehouseSink(BigQueryClient client, IOptions<WarehouseOptions> options, TimeProvider time) : IWarehouseSink
{
    /// <summary>insertAll error reasons that mean "this row was fine, try again".</summary>
    private static readonly HashSet<string> RetriableRowReasons =
        new(StringComparer.Ordinal) { "stopped", "backendError", "internalError", "timeout", "rateLimitExceeded" };

    private readonly WarehouseOptions _options = options.Value;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <inheritdoc />
    public string Provider => nameof(WarehouseProvider.BigQuery);

    /// <summary>Creates the dataset and tables that do not exist yet (once per process).</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await client.EnsureDatasetAsync(cancellationToken);
                foreach (var table in WarehouseSchema.Tables)
                {
                    await client.EnsureTableAsync(table, cancellationToken);
                }

                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<IWarehouseRow> rows, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var rejected = new List<string>();
        var unwritten = new List<string>();
        foreach (var group in rows.GroupBy(r => r.Table))
        {
            var table = WarehouseSchema.For(group.Key);
            var unique = group.GroupBy(r => r.RowId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
            foreach (var chunk in unique.Chunk(_options.BigQuery.InsertBatchSize))
            {
                await InsertWithRetriesAsync(table, chunk, rejected, unwritten, cancellationToken);
            }
        }

        if (rejected.Count + unwritten.Count > 0)
        {
            throw new WarehouseWriteException(
                $"BigQuery did not take {rejected.Count + unwritten.Count} of {rows.Count} rows ({rejected.Count} rejected as invalid).",
                [.. rejected, .. unwritten],
                isPermanent: unwritten.Count == 0);
        }
    }

    private async Task InsertWithRetriesAsync(
        TableDefinition table, IReadOnlyList<IWarehouseRow> chunk, List<string> rejected, List<string> unwritten, CancellationToken cancellationToken)
    {
        var pending = chunk;
        var delay = _options.BigQuery.RetryBaseDelay;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var payload = pending.Select(r => (r.RowId, BigQueryJson.RowOf(table, r))).ToList();
            var errors = await client.InsertAllAsync(table.Name, payload, cancellationToken);
            var retry = new List<IWarehouseRow>();
            foreach (var (index, reasons) in errors)
            {
                if (reasons.All(RetriableRowReasons.Contains))
                {
                    retry.Add(pending[index]);
                }
                else
                {
                    rejected.Add(pending[index].RowId);
                }
            }

            pending = retry;
            if (pending.Count > 0 && attempt >= _options.BigQuery.MaxAttempts)
            {
                unwritten.AddRange(pending.Select(r => r.RowId));
                return;
            }

            if (pending.Count > 0)
            {
                await Task.Delay(delay, time, cancellationToken);
                delay += delay;
            }
        }
    }

    /// <inheritdoc />
    public async Task<WarehouseQueryResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new WarehouseQueryRejectedException("The query is empty.");
        }

        string? statementType;
        try
        {
            statementType = await client.DryRunStatementTypeAsync(sql, cancellationToken);
        }
        catch (BigQueryApiException ex) when ((int)ex.Status == 400)
        {
            throw new WarehouseQueryRejectedException($"The query does not parse: {ex.Message}");
        }

        if (statementType != "SELECT")
        {
            throw new WarehouseQueryRejectedException(
                $"Only a single SELECT statement is allowed; BigQuery classifies this query as {statementType ?? "unknown"}.");
        }

        return await client.QueryAsync(sql, [], _options.MaxQueryRows, _options.QueryTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ViolationSummaryRow>> SummarizeViolationsAsync(
        DateTimeOffset from, DateTimeOffset to, ViolationGrouping groupBy, CancellationToken cancellationToken)
    {
        var sql = BigQuerySql.ViolationSummary(client.ProjectId, client.Dataset, groupBy);
        var result = await client.QueryAsync(sql,
            [new("from", "TIMESTAMP", BigQueryJson.Timestamp(from.UtcDateTime)), new("to", "TIMESTAMP", BigQueryJson.Timestamp(to.UtcDateTime))],
            _options.MaxQueryRows, _options.QueryTimeout, cancellationToken);
        return result.Rows.Select(r => new ViolationSummaryRow((string)r[0]!, (long)r[1]!, Convert.ToDouble(r[2]))).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CameraTypeViolationRow>> SummarizeViolationsByCameraAndTypeAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sql = BigQuerySql.ViolationsByCameraAndType(client.ProjectId, client.Dataset);
        var result = await client.QueryAsync(sql,
            [new("from", "TIMESTAMP", BigQueryJson.Timestamp(from.UtcDateTime)), new("to", "TIMESTAMP", BigQueryJson.Timestamp(to.UtcDateTime))],
            _options.MaxQueryRows, _options.QueryTimeout, cancellationToken);
        return result.Rows.Select(r => new CameraTypeViolationRow((string)r[0]!, (string)r[1]!, (long)r[2]!, Convert.ToDouble(r[3]))).ToList();
    }

    /// <inheritdoc />
    public async Task<WarehouseHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureSchemaAsync(cancellationToken);
            return new WarehouseHealth(true, Provider, $"{client.ProjectId}.{client.Dataset}");
        }
        catch (Exception ex) when (ex is BigQueryApiException or HttpRequestException or TaskCanceledException)
        {
            return new WarehouseHealth(false, Provider, ex.Message);
        }
    }
}
