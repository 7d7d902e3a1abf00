using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// A small client of the BigQuery REST API v2: datasets.insert, tables.insert, tabledata.insertAll, jobs.insert
/// (dry run) and jobs.query / jobs.getQueryResults. Requests answered 429, 5xx or 403 rateLimitExceeded/quotaExceeded
/// are retried with exponential backoff.
/// </summary>
public sealed partial class BigQueryClient
{
    private static readonly HashSet<string> RetriableReasons =
        new(StringComparer.Ordinal) { "rateLimitExceeded", "quotaExceeded", "backendError", "internalError" };

    private readonly HttpClient _http;
    private readonly IBigQueryAccessTokenSource _tokens;
    private readonly BigQueryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BigQueryClient> _logger;

    /// <summary>Creates the client; <paramref name="http"/> gets its base address from <see cref="BigQueryOptions.BaseUrl"/>.</summary>
    public BigQueryClient(HttpClient http, IBigQueryAccessTokenSource tokens, IOptions<WarehouseOptions> options, TimeProvider time, ILogger<BigQueryClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _options = options.Value.BigQuery;
        _time = time;
        _logger = logger;
        var baseUrl = _options.BaseUrl.EndsWith('/') ? _options.BaseUrl : _options.BaseUrl + "/";
        _http.BaseAddress ??= new Uri(baseUrl);
        ProjectId = _options.ProjectId ?? throw new InvalidOperationException("Warehouse:BigQuery:ProjectId is not set.");
        Dataset = BigQueryIdentifiers.Name(_options.Dataset, "dataset");
    }

    /// <summary>Project the client works in.</summary>
    public string ProjectId { get; }

    /// <summary>Dataset holding the warehouse tables.</summary>
    public string Dataset { get; }

    private string ProjectPath => $"bigquery/v2/projects/{Uri.EscapeDataString(ProjectId)}";

    /// <summary>datasets.insert; true when created, false when it already existed (409).</summary>
    public async Task<bool> EnsureDatasetAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["datasetReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = Dataset },
        };
        if (_options.Location is { Length: > 0 } location)
        {
            body["location"] = location;
        }

        return await CreateAsync($"{ProjectPath}/datasets", body, cancellationToken);
    }

    /// <summary>tables.insert with the warehouse schema; true when created, false when it already existed (409).</summary>
    public async Task<bool> EnsureTableAsync(TableDefinition table, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["tableReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = Dataset, ["tableId"] = table.Name },
            ["schema"] = BigQueryJson.SchemaOf(table),
        };
        var partition = table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Timestamp && c.Required);
        if (partition is not null)
        {
            body["timePartitioning"] = new JsonObject { ["type"] = "DAY", ["field"] = partition.Name };
        }

        if (table.Columns.Any(c => c.Name == "camera_id"))
        {
            body["clustering"] = new JsonObject { ["fields"] = new JsonArray("camera_id") };
        }

        return await CreateAsync($"{ProjectPath}/datasets/{Dataset}/tables", body, cancellationToken);
    }

    /// <summary>
    /// tabledata.insertAll of <paramref name="rows"/> (insert id, row JSON). Returns the per-row errors BigQuery
    /// reported, keyed by the row's index in <paramref name="rows"/>; empty when every row was inserted.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> InsertAllAsync(
        string table, IReadOnlyList<(string InsertId, JsonObject Json)> rows, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["kind"] = "bigquery#tableDataInsertAllRequest",
            ["skipInvalidRows"] = false,
            ["ignoreUnknownValues"] = false,
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["insertId"] = r.InsertId, ["json"] = r.Json.DeepClone() })]),
        };
        var path = $"{ProjectPath}/datasets/{Dataset}/tables/{BigQueryIdentifiers.Name(table, "table")}/insertAll";
        using var document = await SendAsync(HttpMethod.Post, path, body, allowConflict: false, cancellationToken);
        var errors = new Dictionary<int, IReadOnlyList<string>>();
        if (document.RootElement.TryGetProperty("insertErrors", out var insertErrors))
        {
            foreach (var entry in insertErrors.EnumerateArray())
            {
                var index = entry.GetProperty("index").GetInt32();
                errors[index] = entry.TryGetProperty("errors", out var list)
                    ? [.. list.EnumerateArray().Select(e => e.TryGetProperty("reason", out var r) ? r.GetString() ?? "unknown" : "unknown")]
                    : ["unknown"];
            }
        }

        return errors;
    }

    private async Task<bool> CreateAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(HttpMethod.Post, path, body, allowConflict: true, cancellationToken);
        return !IsConflict(document);
    }

    private static bool IsConflict(JsonDocument document) =>
        document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.GetInt32() == 409;

    /// <summary>Sends one request with auth and retries; returns the JSON body (the error body for an allowed 409).</summary>
    internal async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonNode? body, bool allowConflict, CancellationToken cancellationToken)
    {
        var delay = _options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAccessTokenAsync(cancellationToken));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode || (allowConflict && response.StatusCode == HttpStatusCode.Conflict))
            {
                return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            }

            var (reason, message) = ErrorOf(text);
            var retriable = (int)response.StatusCode is 429 or >= 500
                            || (response.StatusCode == HttpStatusCode.Forbidden && reason is not null && RetriableReasons.Contains(reason));
            if (!retriable || attempt >= _options.MaxAttempts)
            {
                throw new BigQueryApiException(response.StatusCode, reason, message);
            }

            _logger.LogWarning("BigQuery {Method} {Path} answered {Status} {Reason}; retry {Attempt} in {Delay}",
                method, path, (int)response.StatusCode, reason, attempt, delay);
            await Task.Delay(delay, _time, cancellationToken);
            delay += delay;
        }
    }

    private static (string? Reason, string Message) ErrorOf(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var error = document.RootElement.GetProperty("error");
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? text : text;
            string? reason = null;
            if (error.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("reason", out var r))
            {
                reason = r.GetString();
            }

            return (reason, message);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, text.Length > 500 ? text[..500] : text);
        }
    }
}
