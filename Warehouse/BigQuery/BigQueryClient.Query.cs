using System.Text.Json;
using System.Text.Json.Nodes;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>Queries: dry-run classification (jobs.insert) and execution (jobs.query, jobs.getQueryResults).</summary>
public sealed partial class BigQueryClient
{
    /// <summary>Dry-runs <paramref name="sql"/> and returns BigQuery's statement type (<c>SELECT</c>, <c>INSERT</c>, <c>SCRIPT</c>, ...).</summary>
    public async Task<string?> DryRunStatementTypeAsync(string sql, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["dryRun"] = true,
                ["query"] = new JsonObject { ["query"] = sql, ["useLegacySql"] = false, ["defaultDataset"] = DefaultDataset() },
            },
        };
        if (_options.Location is { Length: > 0 } location)
        {
            body["jobReference"] = new JsonObject { ["projectId"] = ProjectId, ["location"] = location };
        }

        using var document = await SendAsync(HttpMethod.Post, $"{ProjectPath}/jobs", body, allowConflict: false, cancellationToken);
        return document.RootElement.TryGetProperty("statistics", out var statistics)
               && statistics.TryGetProperty("query", out var query)
               && query.TryGetProperty("statementType", out var type)
            ? type.GetString()
            : null;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with jobs.query (standard SQL, the warehouse dataset as default), following
    /// jobs.getQueryResults until the job completes and pages until <paramref name="maxRows"/>.
    /// </summary>
    public async Task<WarehouseQueryResult> QueryAsync(
        string sql, IReadOnlyList<BigQueryParameter> parameters, int maxRows, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var body = new JsonObject
        {
            ["kind"] = "bigquery#queryRequest",
            ["query"] = sql,
            ["useLegacySql"] = false,
            ["maxResults"] = maxRows,
            ["timeoutMs"] = (long)Math.Min(timeout.TotalMilliseconds, 10_000),
            ["defaultDataset"] = DefaultDataset(),
            ["formatOptions"] = new JsonObject { ["useInt64Timestamp"] = true },
        };
        if (_options.Location is { Length: > 0 } location)
        {
            body["location"] = location;
        }

        if (parameters.Count > 0)
        {
            body["parameterMode"] = "NAMED";
            body["queryParameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["parameterType"] = new JsonObject { ["type"] = p.Type },
                ["parameterValue"] = new JsonObject { ["value"] = p.Value },
            })]);
        }

        var page = await SendAsync(HttpMethod.Post, $"{ProjectPath}/queries", body, allowConflict: false, cancellationToken);
        try
        {
            while (!page.RootElement.TryGetProperty("jobComplete", out var complete) || !complete.GetBoolean())
            {
                if (_time.GetElapsedTime(started) > timeout)
                {
                    throw new TimeoutException($"The BigQuery job ran longer than {timeout.TotalSeconds:0.###} s.");
                }

                var next = await GetResultsAsync(page, null, maxRows, cancellationToken);
                page.Dispose();
                page = next;
            }

            // DDL such as CREATE MODEL completes without a schema.
            var fields = page.RootElement.TryGetProperty("schema", out var schema)
                ? schema.GetProperty("fields").Clone()
                : NoFields;
            var rows = new List<IReadOnlyList<object?>>();
            while (true)
            {
                if (page.RootElement.TryGetProperty("rows", out var pageRows))
                {
                    foreach (var row in pageRows.EnumerateArray())
                    {
                        if (rows.Count == maxRows)
                        {
                            return Result(fields, rows, truncated: true);
                        }

                        rows.Add(BigQueryCells.RowOf(fields, row));
                    }
                }

                if (!page.RootElement.TryGetProperty("pageToken", out var token) || token.GetString() is not { Length: > 0 } pageToken)
                {
                    return Result(fields, rows, truncated: false);
                }

                if (rows.Count == maxRows)
                {
                    return Result(fields, rows, truncated: true);
                }

                var next = await GetResultsAsync(page, pageToken, maxRows - rows.Count, cancellationToken);
                page.Dispose();
                page = next;
            }
        }
        finally
        {
            page.Dispose();
        }
    }

    private async Task<JsonDocument> GetResultsAsync(JsonDocument previous, string? pageToken, int maxRows, CancellationToken cancellationToken)
    {
        var job = previous.RootElement.GetProperty("jobReference");
        var jobId = job.GetProperty("jobId").GetString()!;
        var query = new List<string> { "timeoutMs=10000", $"maxResults={maxRows}", "formatOptions.useInt64Timestamp=true" };
        if (job.TryGetProperty("location", out var location) && location.GetString() is { Length: > 0 } l)
        {
            query.Add("location=" + Uri.EscapeDataString(l));
        }

        if (pageToken is not null)
        {
            query.Add("pageToken=" + Uri.EscapeDataString(pageToken));
        }

        var path = $"{ProjectPath}/queries/{Uri.EscapeDataString(jobId)}?{string.Join('&', query)}";
        return await SendAsync(HttpMethod.Get, path, null, allowConflict: false, cancellationToken);
    }

    private static readonly JsonElement NoFields = JsonDocument.Parse("[]").RootElement.Clone();

    private JsonObject DefaultDataset() => new() { ["projectId"] = ProjectId, ["datasetId"] = Dataset };

    private static WarehouseQueryResult Result(JsonElement fields, List<IReadOnlyList<object?>> rows, bool truncated) => new(
        [.. fields.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)],
        [.. fields.EnumerateArray().Select(f => f.GetProperty("type").GetString()!)],
        rows,
        truncated);
}
