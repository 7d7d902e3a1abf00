using System.Text.Json.Nodes;
using VibeCheck.Warehouse.BigQuery;

namespace VibeCheck.Warehouse.Tests;

public sealed class BigQueryWriteTests : IAsyncLifetime
{
    private const string Tables = $"/bigquery/v2/projects/{LoopbackBigQuery.Project}/datasets/vibecheck_analytics/tables";
    private LoopbackBigQuery _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackBigQuery.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Schema_creation_posts_the_dataset_and_each_table_and_accepts_409()
    {
        _server.Respond = r => r.PathAndQuery.EndsWith("/datasets", StringComparison.Ordinal)
            ? (409, """{"error":{"code":409,"message":"Already Exists: Dataset vibe-proj-1:vibecheck_analytics","errors":[{"reason":"duplicate"}],"status":"ALREADY_EXISTS"}}""")
            : (200, """{"kind":"bigquery#table"}""");

        await _server.Sink().EnsureSchemaAsync(CancellationToken.None);

        var requests = _server.Requests.ToArray();
        Assert.Equal(5, requests.Length);
        Assert.All(requests, r => Assert.Equal("Bearer " + LoopbackBigQuery.Token, r.Authorization));
        Assert.All(requests, r => Assert.Equal("POST", r.Method));
        Assert.Equal($"/bigquery/v2/projects/{LoopbackBigQuery.Project}/datasets", requests[0].PathAndQuery);
        Assert.Equal("""{"datasetReference":{"projectId":"vibe-proj-1","datasetId":"vibecheck_analytics"},"location":"US"}""", requests[0].Body);
        Assert.All(requests[1..], r => Assert.Equal(Tables, r.PathAndQuery));
        Assert.Equal(["realtime_violations", "alert_events", "camera_activity", "camera_health"],
            requests[1..].Select(r => (string)r.Json["tableReference"]!["tableId"]!));
        var activity = requests[3].Json;
        Assert.Equal(
            """{"fields":[{"name":"activity_id","type":"STRING","mode":"REQUIRED"},{"name":"camera_id","type":"STRING","mode":"REQUIRED"},""" +
            """{"name":"bucket_start","type":"TIMESTAMP","mode":"REQUIRED"},{"name":"bucket_seconds","type":"INTEGER","mode":"REQUIRED"},""" +
            """{"name":"counts_by_class","type":"RECORD","mode":"REPEATED","fields":[{"name":"name","type":"STRING","mode":"REQUIRED"},{"name":"count","type":"INTEGER","mode":"REQUIRED"}]},""" +
            """{"name":"violations_by_type","type":"RECORD","mode":"REPEATED","fields":[{"name":"name","type":"STRING","mode":"REQUIRED"},{"name":"count","type":"INTEGER","mode":"REQUIRED"}]}]}""",
            activity["schema"]!.ToJsonString());
        Assert.Equal("""{"type":"DAY","field":"bucket_start"}""", activity["timePartitioning"]!.ToJsonString());
        var violations = requests[1].Json["schema"]!["fields"]!.AsArray();
        Assert.Equal("""{"name":"frame_hashes","type":"STRING","mode":"REPEATED"}""", violations[8]!.ToJsonString());
        Assert.Equal("""{"name":"borough","type":"STRING","mode":"NULLABLE"}""", violations[10]!.ToJsonString());
    }

    [Fact]
    public async Task Rows_are_streamed_with_the_row_id_as_insert_id()
    {
        var sink = _server.Sink();
        await sink.WriteAsync([Samples.Violation("ep-1"), Samples.Violation("ep-2", borough: null), Samples.Alert("al-1")], CancellationToken.None);

        var violations = Assert.Single(_server.Matching("/tables/realtime_violations/insertAll"));
        var alerts = Assert.Single(_server.Matching("/tables/alert_events/insertAll"));
        Assert.Equal($"{Tables}/realtime_violations/insertAll", violations.PathAndQuery);
        Assert.Equal("Bearer " + LoopbackBigQuery.Token, violations.Authorization);
        var rows = violations.Json["rows"]!.AsArray();
        Assert.Equal(["ep-1", "ep-2"], rows.Select(r => (string)r!["insertId"]!));
        var expected = """
            {"episode_id":"ep-1","camera_id":"cam-1","violation_type":"bike_lane_blocked","zone":"zone-a","tier":"high","confidence":0.8,
             "started_at":"2025-03-14T08:00:00.000000Z","ended_at":"2025-03-14T08:00:30.000000Z","frame_hashes":["hash-1","hash-2"],
             "model_version":"yolo-1.2","borough":"Manhattan"}
            """;
        Assert.Equal(
            JsonNode.Parse(expected)!.ToJsonString(),
            rows[0]!["json"]!.ToJsonString());
        Assert.Null(rows[1]!["json"]!["borough"]);
        Assert.Equal("al-1|email", (string)alerts.Json["rows"]![0]!["insertId"]!);
        Assert.False((bool)violations.Json["skipInvalidRows"]!);
    }

    [Fact]
    public async Task Partial_insert_errors_retry_stopped_rows_and_report_invalid_ones()
    {
        var inserts = 0;
        _server.Respond = r =>
        {
            if (!r.PathAndQuery.EndsWith("/insertAll", StringComparison.Ordinal))
            {
                return (200, "{}");
            }

            return Interlocked.Increment(ref inserts) == 1
                ? (200, """
                    {"kind":"bigquery#tableDataInsertAllResponse","insertErrors":[
                      {"index":0,"errors":[{"reason":"stopped","location":"","debugInfo":"","message":""}]},
                      {"index":1,"errors":[{"reason":"invalid","location":"confidence","debugInfo":"","message":"Cannot convert value to floating point."}]},
                      {"index":2,"errors":[{"reason":"stopped","location":"","debugInfo":"","message":""}]}]}
                    """)
                : (200, """{"kind":"bigquery#tableDataInsertAllResponse"}""");
        };

        var error = await Assert.ThrowsAsync<WarehouseWriteException>(
            () => _server.Sink().WriteAsync(Samples.Violations(3), CancellationToken.None));

        var attempts = _server.Matching("/insertAll");
        Assert.Equal(2, attempts.Length);
        Assert.Equal(["ep-0", "ep-2"], attempts[1].Json["rows"]!.AsArray().Select(r => (string)r!["insertId"]!));
        Assert.Equal(["ep-1"], error.FailedRowIds);
        Assert.True(error.IsPermanent);
    }

    [Fact]
    public async Task A_503_is_retried_with_the_same_insert_ids()
    {
        var inserts = 0;
        _server.Respond = r => r.PathAndQuery.EndsWith("/insertAll", StringComparison.Ordinal) && Interlocked.Increment(ref inserts) == 1
            ? (503, """{"error":{"code":503,"message":"The service is currently unavailable.","errors":[{"reason":"backendError"}],"status":"UNAVAILABLE"}}""")
            : (200, "{}");

        await _server.Sink().WriteAsync(Samples.Violations(2), CancellationToken.None);

        var attempts = _server.Matching("/insertAll");
        Assert.Equal(2, attempts.Length);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task Rate_limits_are_retried_and_persistent_5xx_gives_up_after_max_attempts()
    {
        var calls = 0;
        _server.Respond = r => r.PathAndQuery.EndsWith("/insertAll", StringComparison.Ordinal)
            ? Interlocked.Increment(ref calls) == 1
                ? (403, """{"error":{"code":403,"message":"Exceeded rate limits","errors":[{"reason":"rateLimitExceeded"}]}}""")
                : (500, """{"error":{"code":500,"message":"internal","errors":[{"reason":"internalError"}]}}""")
            : (200, "{}");

        var error = await Assert.ThrowsAsync<BigQueryApiException>(
            () => _server.Sink(o => o.MaxAttempts = 3).WriteAsync(Samples.Violations(1), CancellationToken.None));

        Assert.Equal(3, _server.Matching("/insertAll").Length);
        Assert.Equal("internalError", error.Reason);
    }

    [Fact]
    public async Task A_non_retriable_error_is_not_retried()
    {
        _server.Respond = r => r.PathAndQuery.EndsWith("/insertAll", StringComparison.Ordinal)
            ? (404, """{"error":{"code":404,"message":"Not found: Table","errors":[{"reason":"notFound"}]}}""")
            : (200, "{}");

        var error = await Assert.ThrowsAsync<BigQueryApiException>(
            () => _server.Sink().WriteAsync(Samples.Violations(1), CancellationToken.None));

        Assert.Single(_server.Matching("/insertAll"));
        Assert.Equal("notFound", error.Reason);
    }
}
