using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VibeCheck.Warehouse.Rows;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>
/// The overview's numbers (<c>/analytics/overview</c>, <c>/analytics/violations</c> by day and with a limit) against
/// SQL over the same rows and range, and their CSV form.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AnalyticsOverviewApiTests(ClusterFixture fixture) : IDisposable
{
    private readonly HttpClient _admin = fixture.System.NewClient(VibeCheckCluster.AdminKey);

    private VibeCheckCluster System => fixture.System;

    public void Dispose() => _admin.Dispose();

    private static readonly DateTimeOffset FirstWeek = new DateTimeOffset(1980, 1, 7, 0, 0, 0, TimeSpan.Zero).AddDays(7 * 100 * Random.Shared.Next(0, 10));
    private static int _weeksSeeded;

    /// <summary>
    /// Six episodes on three new cameras over four days of a week no other test of this run seeds (before 2001; the
    /// other analytics tests seed later days).
    /// </summary>
    private async Task<(DateTimeOffset Week, string[] Cameras)> SeedWeekAsync()
    {
        var week = FirstWeek.AddDays(7 * Interlocked.Increment(ref _weeksSeeded));
        var cameras = Enumerable.Range(0, 3).Select(_ => $"cam-{Guid.NewGuid():N}").ToArray();
        ViolationRecord Row(int camera, string type, TimeSpan at, double confidence, string? borough) =>
            new($"ep-{Guid.NewGuid():N}", cameras[camera], type, "lane", "warning", confidence, week + at, week + at + TimeSpan.FromMinutes(3),
                ["h1"], "test-model-1", borough);
        ViolationRecord[] rows =
        [
            Row(0, "bike_lane_blocked", TimeSpan.FromHours(1), 0.9, "Manhattan"),
            Row(0, "bike_lane_blocked", TimeSpan.FromHours(1.5), 0.7, "Manhattan"),
            Row(0, "double_parking", TimeSpan.FromHours(23.9), 0.6, "Manhattan"),
            Row(1, "bus_lane_blocked", TimeSpan.FromDays(1.2), 0.8, "Queens"),
            Row(1, "bus_lane_blocked", TimeSpan.FromDays(3.5), 0.5, "Queens"),
            Row(2, "double_parking", TimeSpan.FromDays(6.99), 0.4, null),
        ];
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Assert.True(SiloWarehouse.Recorder(System.Cluster.Silos[i % System.Cluster.Silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(System);
        return (week, cameras);
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    private static string SqlRange(DateTimeOffset from, DateTimeOffset to) =>
        $"started_at >= TIMESTAMP '{from.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND started_at < TIMESTAMP '{to.UtcDateTime:yyyy-MM-dd HH:mm:ss}'";

    /// <summary>key → count of a SQL query answering (key, count) rows.</summary>
    private async Task<List<(string Key, long Count)>> SqlGroupsAsync(string sql)
    {
        var body = await QueryOkAsync(_admin, sql);
        return body.GetProperty("rows").EnumerateArray().Select(r => (r[0].GetString()!, r[1].GetInt64())).ToList();
    }

    private static List<(string Key, long Count)> Groups(JsonElement series) =>
        series.EnumerateArray().Select(g => (g.GetProperty("key").GetString()!, g.GetProperty("violations").GetInt64())).ToList();

    [Fact]
    public async Task Overview_numbers_equal_the_warehouses_sql_for_the_same_range()
    {
        var (week, cameras) = await SeedWeekAsync();
        var (from, to) = (week, week.AddDays(7));
        var where = SqlRange(from, to);
        const string table = "vibecheck_analytics.realtime_violations";

        var overview = await System.GetJsonAsync<JsonElement>($"/analytics/overview?{Range(from, to)}&top=2");

        Assert.Equal("day", overview.GetProperty("bucket").GetString());
        Assert.Equal(await CountAsync(_admin, $"SELECT count(*) FROM {table} WHERE {where}"), overview.GetProperty("total").GetInt64());
        var byDay = await SqlGroupsAsync($"SELECT CAST(CAST(started_at AS DATE) AS VARCHAR) || 'T00:00:00Z', count(*) FROM {table} WHERE {where} GROUP BY 1 ORDER BY 1");
        Assert.Equal(byDay, Groups(overview.GetProperty("overTime")));
        Assert.Equal(4, byDay.Count);
        Assert.Equal(await SqlGroupsAsync($"SELECT violation_type, count(*) FROM {table} WHERE {where} GROUP BY 1 ORDER BY 1"),
            Groups(overview.GetProperty("byType")));
        Assert.Equal(await SqlGroupsAsync($"SELECT coalesce(borough, 'unknown'), count(*) FROM {table} WHERE {where} GROUP BY 1 ORDER BY 1"),
            Groups(overview.GetProperty("byBorough")));
        var top = await SqlGroupsAsync($"SELECT camera_id, count(*) FROM {table} WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 2");
        Assert.Equal(top, Groups(overview.GetProperty("topCameras")));
        Assert.Equal([(cameras[0], 3L), (cameras[1], 2L)], top.Where(t => cameras.Contains(t.Key)));
    }

    [Fact]
    public async Task Last_day_goes_by_hour_and_limit_keeps_the_largest_groups()
    {
        var (week, cameras) = await SeedWeekAsync();
        var (from, to) = (week, week.AddDays(1));
        var where = SqlRange(from, to);

        var overview = await System.GetJsonAsync<JsonElement>($"/analytics/overview?{Range(from, to)}");
        var byHour = await System.GetJsonAsync<JsonElement>($"/analytics/violations?{Range(from, to)}&groupBy=hour");
        var sqlHours = await SqlGroupsAsync(
            $"SELECT strftime(started_at, '%Y-%m-%dT%H') || ':00:00Z', count(*) FROM vibecheck_analytics.realtime_violations WHERE {where} GROUP BY 1 ORDER BY 1");

        Assert.Equal("hour", overview.GetProperty("bucket").GetString());
        Assert.Equal(sqlHours, Groups(overview.GetProperty("overTime")));
        Assert.Equal(sqlHours, Groups(byHour.GetProperty("groups")));
        Assert.Contains((week.AddHours(1).ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture), 2L), sqlHours);

        var limited = await System.GetJsonAsync<JsonElement>($"/analytics/violations?{Range(week, week.AddDays(7))}&groupBy=camera&limit=1");
        Assert.Equal([(cameras[0], 3L)], Groups(limited.GetProperty("groups")));
        Assert.Equal(6, limited.GetProperty("total").GetInt64());

        var days = await System.GetJsonAsync<JsonElement>($"/analytics/violations?{Range(week, week.AddDays(7))}&groupBy=day");
        Assert.Equal([3L, 1L, 1L, 1L], Groups(days.GetProperty("groups")).Select(g => g.Count));
    }

    [Fact]
    public async Task Csv_rows_equal_the_json_rows()
    {
        var (week, _) = await SeedWeekAsync();
        var range = Range(week, week.AddDays(7));
        foreach (var groupBy in new[] { "type", "borough", "day", "camera" })
        {
            var json = await System.GetJsonAsync<JsonElement>($"/analytics/violations?{range}&groupBy={groupBy}");
            var (header, rows) = await CsvAsync(System.Http, $"/analytics/violations?{range}&groupBy={groupBy}", "text/csv");

            Assert.Equal([groupBy, "violations", "averageConfidence"], header);
            Assert.Equal(
                json.GetProperty("groups").EnumerateArray().Select(g => new[]
                {
                    g.GetProperty("key").GetString()!, g.GetProperty("violations").GetRawText(), g.GetProperty("averageConfidence").GetRawText(),
                }),
                rows);
        }

        var overview = await System.GetJsonAsync<JsonElement>($"/analytics/overview?{range}");
        var (overviewHeader, overviewRows) = await CsvAsync(System.Http, $"/analytics/overview?{range}", "text/csv, application/json;q=0.5");
        Assert.Equal(["series", "key", "violations", "averageConfidence"], overviewHeader);
        var expected = new[] { ("day", "overTime"), ("type", "byType"), ("borough", "byBorough"), ("camera", "topCameras") }
            .SelectMany(s => overview.GetProperty(s.Item2).EnumerateArray().Select(g => new[]
            {
                s.Item1, g.GetProperty("key").GetString()!, g.GetProperty("violations").GetRawText(), g.GetProperty("averageConfidence").GetRawText(),
            }));
        Assert.Equal(expected, overviewRows);
    }

    [Fact]
    public async Task Query_csv_quotes_fields_and_writes_invariant_numbers_and_utc_times()
    {
        var sql = "SELECT 'a,\"b\"' AS text, 'line\nbreak' AS multi, 1.5::DOUBLE AS number, TIMESTAMP '2025-01-02 03:04:05' AS at, NULL AS nothing";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/analytics/query") { Content = SqlBody(sql) };
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text,multi,number,at,nothing\r\n\"a,\"\"b\"\"\",\"line\nbreak\",1.5,2025-01-02T03:04:05Z,\r\n",
            await response.Content.ReadAsStringAsync());
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "");
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("text/csv", "text/csv")]
    [InlineData("text/*", "text/csv")]
    [InlineData("application/json;q=0.4, text/csv;q=0.8", "text/csv")]
    [InlineData("text/csv;q=0.4, */*;q=0.8", "application/json")]
    public async Task Accept_chooses_json_or_csv(string? accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/analytics/violations?groupBy=type");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await System.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/analytics/violations", "application/xml")]
    [InlineData("/analytics/overview", "image/png, text/html")]
    [InlineData("/analytics/violations", "text/csv;q=0, application/json;q=0")]
    [InlineData("/analytics/overview", "application/json;q=0, text/*;q=0")]
    [InlineData("/analytics/cameras", "application/xml")]
    public async Task Accept_allowing_neither_is_406_problem(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await System.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("text/csv", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Accept_that_does_not_parse_is_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/analytics/violations");
        request.Headers.TryAddWithoutValidation("Accept", "csv please");

        var response = await System.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Openapi_document_lists_json_csv_and_406_for_the_summaries()
    {
        var paths = (await System.GetJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/analytics/violations", "/analytics/overview", "/analytics/cameras" })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            var types = responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).ToList();
            Assert.Contains("application/json", types);
            Assert.Contains("text/csv", types);
            Assert.True(responses.TryGetProperty("406", out _), $"{path} documents 406");
        }
    }

    [Theory]
    [InlineData("/analytics/overview?from=2025-06-02&to=2025-06-01")]
    [InlineData("/analytics/overview?from=2020-01-01&to=2025-01-01")]
    [InlineData("/analytics/overview?from=last-week")]
    [InlineData("/analytics/overview?bucket=week")]
    [InlineData("/analytics/overview?bucket=camera")]
    [InlineData("/analytics/overview?top=0")]
    [InlineData("/analytics/overview?top=101")]
    [InlineData("/analytics/overview?top=-3")]
    [InlineData("/analytics/violations?groupBy=week")]
    [InlineData("/analytics/violations?limit=0")]
    [InlineData("/analytics/violations?limit=ten")]
    [InlineData("/analytics/violations?limit=1001")]
    [InlineData("/analytics/cameras?from=2025-06-02&to=2025-06-01")]
    [InlineData("/analytics/cameras?from=2020-01-01&to=2025-01-01")]
    [InlineData("/analytics/cameras?to=tomorrow")]
    [InlineData("/analytics/cameras?limit=0")]
    [InlineData("/analytics/cameras?limit=1001")]
    public async Task Bad_ranges_and_parameters_are_400_problem_also_when_csv_was_asked(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await System.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent SqlBody(string sql) =>
        new(JsonSerializer.Serialize(new { sql }), Encoding.UTF8, "application/json");

    private static async Task<(string[] Header, List<string[]> Rows)> CsvAsync(HttpClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        Assert.Equal(new MediaTypeHeaderValue("text/csv").MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\r\n", text);
        // These tables hold no commas, quotes or line breaks: a split is a faithful reading here.
        var lines = text[..^2].Split("\r\n").Select(l => l.Split(',')).ToList();
        return (lines[0], lines.Skip(1).ToList());
    }
}
