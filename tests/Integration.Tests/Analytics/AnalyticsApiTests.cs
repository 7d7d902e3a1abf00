using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.ReplayServer;
using VibeCheck.Warehouse.Rows;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Integration.Tests.Analytics;

[Collection(SharedClusterCollection.Name)]
public sealed class AnalyticsApiTests(ClusterFixture fixture) : IDisposable
{
    private readonly HttpClient _admin = fixture.System.NewClient(VibeCheckCluster.AdminKey);

    private VibeCheckCluster System => fixture.System;

    public void Dispose() => _admin.Dispose();

    private static ViolationRecord Violation(string camera, string type, DateTimeOffset startedAt, double confidence, string? borough) =>
        new($"ep-{Guid.NewGuid():N}", camera, type, "bike_lane", "warning", confidence, startedAt, startedAt.AddMinutes(2),
            ["a1", "b2"], "test-model-1", borough);

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Rows_recorded_on_both_silos_are_queryable_once_each_even_when_recorded_again()
    {
        var camera = $"cam-{Guid.NewGuid():N}";
        var day = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));
        var rows = new[]
        {
            Violation(camera, "bike_lane_blocked", day.AddHours(1), 0.9, "Manhattan"),
            Violation(camera, "bike_lane_blocked", day.AddHours(1).AddMinutes(30), 0.7, "Manhattan"),
            Violation(camera, "double_parking", day.AddHours(3), 0.5, null),
        };
        var silos = System.Cluster.Silos;
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Assert.True(SiloWarehouse.Recorder(silos[i % silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(System);
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            // The same episode again, from the other silo: it replaces the stored row instead of adding one.
            Assert.True(SiloWarehouse.Recorder(silos[(i + 1) % silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(System);

        Assert.Equal(3, await CountAsync(_admin,
            $"SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations WHERE camera_id = {Quote(camera)}"));
        Assert.True(await CountAsync(_admin, "SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations") >= 3);

        var detail = await QueryOkAsync(_admin,
            $"SELECT episode_id, violation_type, confidence, started_at, frame_hashes FROM vibecheck_analytics.realtime_violations WHERE camera_id = {Quote(camera)} ORDER BY started_at");
        Assert.Equal(["episode_id", "violation_type", "confidence", "started_at", "frame_hashes"],
            detail.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, detail.GetProperty("rowCount").GetInt32());
        Assert.False(detail.GetProperty("truncated").GetBoolean());
        var first = detail.GetProperty("rows")[0];
        Assert.Equal(rows[0].EpisodeId, first[0].GetString());
        Assert.Equal(0.9, first[2].GetDouble(), 6);
        Assert.Equal(["a1", "b2"], first[4].EnumerateArray().Select(h => h.GetString()));

        var from = Uri.EscapeDataString(day.ToString("O"));
        var to = Uri.EscapeDataString(day.AddDays(1).ToString("O"));
        var byType = await System.GetJsonAsync<JsonElement>($"/analytics/violations?from={from}&to={to}&groupBy=type");
        var groups = byType.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("violations").GetInt64());
        Assert.Equal(2, groups["bike_lane_blocked"]);
        Assert.Equal(1, groups["double_parking"]);

        var byBorough = await System.GetJsonAsync<JsonElement>($"/analytics/violations?from={from}&to={to}&groupBy=borough");
        var boroughs = byBorough.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("violations").GetInt64());
        Assert.Equal(2, boroughs["Manhattan"]);
        Assert.Equal(1, boroughs["unknown"]);

        var byHour = await System.GetJsonAsync<JsonElement>($"/analytics/violations?from={from}&to={to}&groupBy=hour");
        Assert.Equal(3, byHour.GetProperty("total").GetInt64());
        Assert.Equal(day.AddHours(1).ToString("yyyy-MM-dd'T'HH':00:00Z'"), byHour.GetProperty("groups")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Camera_going_offline_is_a_camera_health_row()
    {
        var camera = System.Cameras[10];
        System.Replay.SetFault(camera, CameraFault.ServerError);
        try
        {
            await VibeCheckCluster.WaitUntilAsync(async () =>
            {
                await System.Http.PostAsync($"/process/camera/{camera}", null);
                var state = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}");
                return state.GetProperty("health").GetString() == "offline";
            }, TimeSpan.FromSeconds(30), "camera to go offline");
        }
        finally
        {
            System.Replay.SetFault(camera, CameraFault.None);
        }

        await SiloWarehouse.FlushAllAsync(System);
        var body = await QueryOkAsync(_admin,
            $"SELECT from_status, to_status, reason FROM vibecheck_analytics.camera_health WHERE camera_id = {Quote(camera.ToString())} AND to_status = 'offline'");
        Assert.Equal(1, body.GetProperty("rowCount").GetInt32());
        Assert.Contains("500", body.GetProperty("rows")[0][2].GetString());
    }

    [Theory]
    [InlineData("DROP TABLE vibecheck_analytics.realtime_violations")]
    [InlineData("DELETE FROM vibecheck_analytics.realtime_violations")]
    [InlineData("COPY vibecheck_analytics.realtime_violations TO '/tmp/vibecheck-leak.csv'")]
    [InlineData("ATTACH '/tmp/vibecheck-other.duckdb' AS other")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT 1; DROP TABLE vibecheck_analytics.camera_health")]
    [InlineData("SELECT * FROM no_such_table")]
    [InlineData("SELEC 1")]
    public async Task Anything_but_one_harmless_select_is_400_with_the_reason(string sql)
    {
        var problem = await ProblemOf(await QueryAsync(_admin, sql), HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(File.Exists("/tmp/vibecheck-leak.csv"));
        Assert.False(File.Exists("/tmp/vibecheck-other.duckdb"));
        Assert.True(await CountAsync(_admin, "SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations") >= 0);
        Assert.True(await CountAsync(_admin, "SELECT COUNT(*) FROM vibecheck_analytics.camera_health") >= 0);
    }

    [Fact]
    public async Task Empty_or_missing_sql_is_400()
    {
        await ProblemOf(await _admin.PostAsJsonAsync("/analytics/query", new { sql = " " }), HttpStatusCode.BadRequest);
        await ProblemOf(await _admin.PostAsJsonAsync("/analytics/query", new { other = 1 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Query_needs_the_admin_key()
    {
        using var anonymous = System.NewClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await QueryAsync(anonymous, "SELECT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await QueryAsync(System.Http, "SELECT 1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await QueryAsync(_admin, "SELECT 1")).StatusCode);
    }

    [Theory]
    [InlineData("groupBy=zone")]
    [InlineData("groupBy=1")]
    [InlineData("from=yesterday")]
    [InlineData("to=2025-13-45")]
    [InlineData("from=2025-06-02&to=2025-06-01")]
    [InlineData("from=2020-01-01&to=2025-01-01")]
    public async Task Bad_summary_parameters_are_400(string query)
    {
        await ProblemOf(await System.Http.GetAsync($"/analytics/violations?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Summary_defaults_to_the_last_day_by_camera()
    {
        var body = await System.GetJsonAsync<JsonElement>("/analytics/violations");
        Assert.Equal("camera", body.GetProperty("groupBy").GetString());
        var from = body.GetProperty("from").GetDateTimeOffset();
        var to = body.GetProperty("to").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(1), to - from);
    }
}
