using System.Net;
using System.Text.Json;
using VibeCheck.Warehouse.Rows;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>
/// <c>/analytics/cameras</c>, the live map's violations layer: per camera and type the warehouse's SQL counts for the
/// same range, cameras largest first, <c>limit</c>, and the CSV form (one row per camera and type).
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AnalyticsCamerasApiTests(ClusterFixture fixture) : IDisposable
{
    private const string Table = "vibecheck_analytics.realtime_violations";

    // Days of 1960 (each test its own, at random): the other analytics tests seed 1980 onwards.
    private static readonly DateTimeOffset FirstDay = new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 300));
    private static int _daysSeeded;
    private readonly HttpClient _admin = fixture.System.NewClient(VibeCheckCluster.AdminKey);

    private VibeCheckCluster System => fixture.System;

    public void Dispose() => _admin.Dispose();

    /// <summary>Six episodes of one day on three new cameras: 3 (two types), 2 (one type), 1.</summary>
    private async Task<(DateTimeOffset Day, string[] Cameras)> SeedDayAsync()
    {
        var day = FirstDay.AddDays(Interlocked.Increment(ref _daysSeeded));
        var cameras = Enumerable.Range(0, 3).Select(_ => $"cam-{Guid.NewGuid():N}").ToArray();
        ViolationRecord Row(int camera, string type, double hours, double confidence) =>
            new($"ep-{Guid.NewGuid():N}", cameras[camera], type, "lane", "warning", confidence, day.AddHours(hours), day.AddHours(hours + 0.05),
                ["h1"], "test-model-1", "Queens");
        ViolationRecord[] rows =
        [
            Row(0, "bike_lane_blocked", 1, 0.9), Row(0, "bike_lane_blocked", 2, 0.7), Row(0, "double_parking", 3, 0.6),
            Row(1, "bus_lane_blocked", 4, 0.8), Row(1, "bus_lane_blocked", 5, 0.4),
            Row(2, "double_parking", 23.9, 0.5),
        ];
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            Assert.True(SiloWarehouse.Recorder(System.Cluster.Silos[i % System.Cluster.Silos.Count]).Record(row));
        }

        await SiloWarehouse.FlushAllAsync(System);
        return (day, cameras);
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    [Fact]
    public async Task Counts_per_camera_and_type_equal_the_warehouses_sql_for_the_range()
    {
        var (day, cameras) = await SeedDayAsync();
        var (from, to) = (day, day.AddHours(12));
        var where = $"started_at >= TIMESTAMP '{from.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND started_at < TIMESTAMP '{to.UtcDateTime:yyyy-MM-dd HH:mm:ss}'";

        var body = await System.GetJsonAsync<JsonElement>($"/analytics/cameras?{Range(from, to)}");

        var sql = (await QueryOkAsync(_admin, $"SELECT camera_id, violation_type, count(*) FROM {Table} WHERE {where} GROUP BY 1, 2 ORDER BY 1, 2"))
            .GetProperty("rows").EnumerateArray().Select(r => (r[0].GetString()!, r[1].GetString()!, r[2].GetInt64())).ToList();
        var shown = body.GetProperty("cameras").EnumerateArray()
            .SelectMany(c => c.GetProperty("byType").EnumerateArray().Select(t =>
                (c.GetProperty("camera").GetString()!, t.GetProperty("key").GetString()!, t.GetProperty("violations").GetInt64())))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal).ToList();
        Assert.Equal(sql, shown);
        Assert.Equal(sql.Sum(r => r.Item3), body.GetProperty("total").GetInt64());

        // The seeded cameras: largest first, types largest first, counts summed, the 23.9 h one outside the range.
        var seeded = body.GetProperty("cameras").EnumerateArray().Where(c => cameras.Contains(c.GetProperty("camera").GetString())).ToList();
        Assert.Equal([cameras[0], cameras[1]], seeded.Select(c => c.GetProperty("camera").GetString()));
        Assert.Equal([3L, 2L], seeded.Select(c => c.GetProperty("violations").GetInt64()));
        Assert.Equal(["bike_lane_blocked", "double_parking"], seeded[0].GetProperty("byType").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal([2L, 1L], seeded[0].GetProperty("byType").EnumerateArray().Select(t => t.GetProperty("violations").GetInt64()));
        Assert.Equal(0.7333, seeded[0].GetProperty("averageConfidence").GetDouble(), 4);
    }

    [Fact]
    public async Task Limit_keeps_the_largest_cameras_and_csv_has_one_row_per_camera_and_type()
    {
        var (day, cameras) = await SeedDayAsync();
        var range = Range(day, day.AddDays(1));

        var limited = await System.GetJsonAsync<JsonElement>($"/analytics/cameras?{range}&limit=1");
        var all = await System.GetJsonAsync<JsonElement>($"/analytics/cameras?{range}");
        Assert.Equal([cameras[0]], limited.GetProperty("cameras").EnumerateArray().Select(c => c.GetProperty("camera").GetString()));
        Assert.Equal(all.GetProperty("total").GetInt64(), limited.GetProperty("total").GetInt64());
        Assert.Equal(6, all.GetProperty("cameras").EnumerateArray().Where(c => cameras.Contains(c.GetProperty("camera").GetString())).Sum(c => c.GetProperty("violations").GetInt64()));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/analytics/cameras?{range}");
        request.Headers.TryAddWithoutValidation("Accept", "text/csv");
        var response = await System.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // Camera ids and types hold no commas, quotes or line breaks: a split reads the CSV faithfully.
        var lines = text[..^2].Split("\r\n").Select(l => l.Split(',')).ToList();
        Assert.Equal(["camera", "type", "violations", "averageConfidence"], lines[0]);
        var expected = all.GetProperty("cameras").EnumerateArray().SelectMany(c => c.GetProperty("byType").EnumerateArray().Select(t => new[]
        {
            c.GetProperty("camera").GetString()!, t.GetProperty("key").GetString()!, t.GetProperty("violations").GetRawText(), t.GetProperty("averageConfidence").GetRawText(),
        }));
        Assert.Equal(expected, lines.Skip(1));
        Assert.Contains([cameras[1], "bus_lane_blocked", "2", "0.6"], lines);
    }
}
