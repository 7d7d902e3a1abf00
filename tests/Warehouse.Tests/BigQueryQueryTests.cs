using VibeCheck.Warehouse.BigQuery;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.Tests;

public sealed class BigQueryQueryTests : IAsyncLifetime
{
    private const string Jobs = $"/bigquery/v2/projects/{LoopbackBigQuery.Project}/jobs";
    private const string Queries = $"/bigquery/v2/projects/{LoopbackBigQuery.Project}/queries";
    private LoopbackBigQuery _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackBigQuery.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_select_is_dry_run_then_queried_polled_and_decoded()
    {
        _server.Respond = r => r.PathAndQuery switch
        {
            Jobs => (200, """{"kind":"bigquery#job","statistics":{"query":{"statementType":"SELECT"}},"status":{"state":"DONE"}}"""),
            Queries => (200, """{"kind":"bigquery#queryResponse","jobReference":{"projectId":"vibe-proj-1","jobId":"job_42","location":"US"},"jobComplete":false}"""),
            _ => (200, """
                {"kind":"bigquery#getQueryResultsResponse","jobComplete":true,"totalRows":"2",
                 "jobReference":{"projectId":"vibe-proj-1","jobId":"job_42","location":"US"},
                 "schema":{"fields":[
                   {"name":"camera_id","type":"STRING","mode":"NULLABLE"},
                   {"name":"n","type":"INTEGER","mode":"NULLABLE"},
                   {"name":"conf","type":"FLOAT","mode":"NULLABLE"},
                   {"name":"started_at","type":"TIMESTAMP","mode":"NULLABLE"},
                   {"name":"frame_hashes","type":"STRING","mode":"REPEATED"},
                   {"name":"counts","type":"RECORD","mode":"REPEATED","fields":[{"name":"name","type":"STRING"},{"name":"count","type":"INTEGER"}]}]},
                 "rows":[
                   {"f":[{"v":"cam-1"},{"v":"3"},{"v":"0.75"},{"v":"1741939200000000"},{"v":[{"v":"h1"},{"v":"h2"}]},{"v":[{"v":{"f":[{"v":"car"},{"v":"12"}]}}]}]},
                   {"f":[{"v":null},{"v":null},{"v":null},{"v":null},{"v":[]},{"v":[]}]}]}
                """),
        };

        var result = await _server.Sink().QueryAsync("SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations", CancellationToken.None);

        var requests = _server.Requests.ToArray();
        Assert.Equal([Jobs, Queries, $"{Queries}/job_42?timeoutMs=10000&maxResults=10000&formatOptions.useInt64Timestamp=true&location=US"],
            requests.Select(r => r.PathAndQuery));
        Assert.Equal("GET", requests[2].Method);
        Assert.All(requests, r => Assert.Equal("Bearer " + LoopbackBigQuery.Token, r.Authorization));
        Assert.True((bool)requests[0].Json["configuration"]!["dryRun"]!);
        var query = requests[1].Json;
        Assert.Equal("SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations", (string)query["query"]!);
        Assert.False((bool)query["useLegacySql"]!);
        Assert.Equal("""{"projectId":"vibe-proj-1","datasetId":"vibecheck_analytics"}""", query["defaultDataset"]!.ToJsonString());
        Assert.Equal(["camera_id", "n", "conf", "started_at", "frame_hashes", "counts"], result.Columns);
        Assert.Equal("cam-1", result.Rows[0][0]);
        Assert.Equal(3L, result.Rows[0][1]);
        Assert.Equal(0.75, result.Rows[0][2]);
        Assert.Equal(new DateTime(2025, 3, 14, 8, 0, 0, DateTimeKind.Utc), result.Rows[0][3]);
        Assert.Equal(["h1", "h2"], ((IEnumerable<object?>)result.Rows[0][4]!).Cast<string>());
        var counts = (Dictionary<string, object?>)((IEnumerable<object?>)result.Rows[0][5]!).Single()!;
        Assert.Equal(["car", 12L], [counts["name"], counts["count"]]);
        Assert.All(result.Rows[1].Take(4), Assert.Null);
        Assert.False(result.Truncated);
    }

    [Theory]
    [InlineData("SCRIPT")]
    [InlineData("INSERT")]
    [InlineData("CREATE_TABLE_AS_SELECT")]
    public async Task A_statement_the_dry_run_does_not_classify_as_select_is_rejected_before_running(string statementType)
    {
        _server.Respond = _ => (200, """{"statistics":{"query":{"statementType":""" + $"\"{statementType}\"" + "}}}");

        var error = await Assert.ThrowsAsync<WarehouseQueryRejectedException>(
            () => _server.Sink().QueryAsync("SELECT 1; DELETE FROM t WHERE true", CancellationToken.None));

        Assert.Contains(statementType, error.Reason);
        Assert.Empty(_server.Matching("/queries"));
    }

    [Fact]
    public async Task A_syntax_error_in_the_dry_run_is_a_rejection()
    {
        _server.Respond = _ => (400, """{"error":{"code":400,"message":"Syntax error: Unexpected keyword SELEC","errors":[{"reason":"invalidQuery"}]}}""");

        var error = await Assert.ThrowsAsync<WarehouseQueryRejectedException>(() => _server.Sink().QueryAsync("SELEC 1", CancellationToken.None));

        Assert.Contains("Syntax error", error.Reason);
    }

    [Fact]
    public async Task Violation_summary_sends_named_timestamp_parameters()
    {
        _server.Respond = _ => (200, """
            {"jobComplete":true,"jobReference":{"jobId":"j"},
             "schema":{"fields":[{"name":"key","type":"STRING"},{"name":"violations","type":"INTEGER"},{"name":"average_confidence","type":"FLOAT"}]},
             "rows":[{"f":[{"v":"2025-03-14T08:00:00Z"},{"v":"4"},{"v":"0.5"}]}]}
            """);

        var summary = await _server.Sink().SummarizeViolationsAsync(Samples.T0, Samples.T0.AddHours(1), ViolationGrouping.Hour, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(Queries, request.PathAndQuery);
        Assert.Contains("FROM `vibe-proj-1.vibecheck_analytics.realtime_violations`", (string)request.Json["query"]!);
        Assert.Contains("TIMESTAMP_TRUNC(started_at, HOUR)", (string)request.Json["query"]!);
        Assert.Equal("NAMED", (string)request.Json["parameterMode"]!);
        Assert.Equal(
            """[{"name":"from","parameterType":{"type":"TIMESTAMP"},"parameterValue":{"value":"2025-03-14T08:00:00.000000Z"}},""" +
            """{"name":"to","parameterType":{"type":"TIMESTAMP"},"parameterValue":{"value":"2025-03-14T09:00:00.000000Z"}}]""",
            request.Json["queryParameters"]!.ToJsonString());
        Assert.Equal([new ViolationSummaryRow("2025-03-14T08:00:00Z", 4, 0.5)], summary);
    }

    [Fact]
    public async Task Violations_by_camera_and_type_group_both_columns_with_named_timestamp_parameters()
    {
        _server.Respond = _ => (200, """
            {"jobComplete":true,"jobReference":{"jobId":"j"},
             "schema":{"fields":[{"name":"camera_id","type":"STRING"},{"name":"violation_type","type":"STRING"},{"name":"violations","type":"INTEGER"},{"name":"average_confidence","type":"FLOAT"}]},
             "rows":[{"f":[{"v":"cam-1"},{"v":"double_parking"},{"v":"3"},{"v":"0.25"}]}]}
            """);

        var summary = await _server.Sink().SummarizeViolationsByCameraAndTypeAsync(Samples.T0, Samples.T0.AddHours(1), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        var query = (string)request.Json["query"]!;
        Assert.Contains("FROM `vibe-proj-1.vibecheck_analytics.realtime_violations`", query);
        Assert.Contains("GROUP BY camera_id, violation_type", query);
        Assert.Contains("started_at >= @from AND started_at < @to", query);
        Assert.Equal("NAMED", (string)request.Json["parameterMode"]!);
        Assert.Equal([new CameraTypeViolationRow("cam-1", "double_parking", 3, 0.25)], summary);
    }

    [Fact]
    public async Task Forecaster_trains_with_generated_ddl_and_reads_ml_forecast()
    {
        _server.Respond = r => ((string?)r.Json["query"])?.StartsWith("CREATE", StringComparison.Ordinal) == true
            ? (200, """{"jobComplete":true,"jobReference":{"jobId":"ddl"}}""")
            : (200, """{"jobComplete":true,"jobReference":{"jobId":"f"},"schema":{"fields":[{"name":"camera_id","type":"STRING"},{"name":"forecast_value","type":"FLOAT"}]},"rows":[{"f":[{"v":"cam-1"},{"v":"12.5"}]}]}""");
        var options = _server.Options();
        var forecaster = new BigQueryForecaster(_server.Client(options), Microsoft.Extensions.Options.Options.Create(options));

        await forecaster.TrainAsync(24, CancellationToken.None);
        var forecast = await forecaster.ForecastAsync(24, 0.8, CancellationToken.None);

        var requests = _server.Requests.ToArray();
        Assert.Equal(BigQuerySql.CreateArimaPlusModel(forecaster.Spec(24)), (string)requests[0].Json["query"]!);
        Assert.Contains("ML.FORECAST(MODEL `vibe-proj-1.vibecheck_analytics.camera_activity_forecast`", (string)requests[1].Json["query"]!);
        Assert.Equal(12.5, forecast.Rows.Single()[1]);
    }
}
