using DuckDB.NET.Data;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.Tests;

public sealed class DuckDbQueryTests
{
    [Theory]
    [InlineData("INSERT INTO vibecheck_analytics.realtime_violations SELECT * FROM vibecheck_analytics.realtime_violations")]
    [InlineData("DELETE FROM vibecheck_analytics.realtime_violations")]
    [InlineData("COPY vibecheck_analytics.realtime_violations TO '/tmp/out.csv'")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("PRAGMA database_list")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1; DROP TABLE vibecheck_analytics.realtime_violations")]
    [InlineData("DROP TABLE vibecheck_analytics.realtime_violations; SELECT 1")]
    [InlineData("CREATE TABLE x AS SELECT 1")]
    [InlineData("SELEC 1")]
    [InlineData("   ")]
    public async Task Anything_but_a_single_select_is_rejected_with_a_reason(string sql)
    {
        using var db = new DuckDbFixture();
        await db.Sink.WriteAsync([Samples.Violation("ep-1")], CancellationToken.None);

        var error = await Assert.ThrowsAsync<WarehouseQueryRejectedException>(() => db.Sink.QueryAsync(sql, CancellationToken.None));

        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.Equal(1, await db.CountAsync("realtime_violations"));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM glob('/etc/*')")]
    [InlineData("SELECT * FROM read_parquet('http://127.0.0.1:1/x.parquet')")]
    public async Task Selects_that_reach_files_or_the_network_fail(string sql)
    {
        using var db = new DuckDbFixture();

        var error = await Assert.ThrowsAnyAsync<DuckDBException>(() => db.Sink.QueryAsync(sql, CancellationToken.None));

        Assert.Contains("disabled", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_original_count_query_answers_columns_and_rows()
    {
        using var db = new DuckDbFixture();
        await db.Sink.WriteAsync(Samples.Violations(7), CancellationToken.None);

        var result = await db.Sink.QueryAsync("SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations;", CancellationToken.None);

        Assert.Equal(["count_star()"], result.Columns);
        Assert.Equal(7L, Convert.ToInt64(result.Rows.Single()[0]));
        Assert.False(result.Truncated);
    }

    [Fact]
    public async Task Results_are_cut_at_the_row_limit_and_say_so()
    {
        using var db = new DuckDbFixture(o => o.MaxQueryRows = 5);

        var result = await db.Sink.QueryAsync("SELECT range AS n FROM range(100)", CancellationToken.None);

        Assert.Equal(5, result.Rows.Count);
        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_interrupted()
    {
        using var db = new DuckDbFixture(o => o.QueryTimeout = TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TimeoutException>(() => db.Sink.QueryAsync(
            "SELECT count(*) FROM range(1000000000) a, range(1000000) b", CancellationToken.None));
        var after = await db.Sink.QueryAsync("SELECT 42", CancellationToken.None);

        Assert.Equal(42, Convert.ToInt32(after.Rows.Single()[0]));
    }

    [Theory]
    [InlineData(ViolationGrouping.Camera, new[] { "cam-1", "cam-2" }, new long[] { 2, 1 })]
    [InlineData(ViolationGrouping.Type, new[] { "bike_lane_blocked", "double_parking" }, new long[] { 2, 1 })]
    [InlineData(ViolationGrouping.Hour, new[] { "2025-03-14T08:00:00Z", "2025-03-14T09:00:00Z" }, new long[] { 2, 1 })]
    [InlineData(ViolationGrouping.Borough, new[] { "Brooklyn", "unknown" }, new long[] { 2, 1 })]
    public async Task Violation_summary_groups_the_window(ViolationGrouping groupBy, string[] keys, long[] counts)
    {
        using var db = new DuckDbFixture();
        var t = Samples.T0;
        await db.Sink.WriteAsync(
        [
            Samples.Violation("a", "cam-1", "bike_lane_blocked", t.AddMinutes(5), "Brooklyn", 0.6),
            Samples.Violation("b", "cam-1", "bike_lane_blocked", t.AddMinutes(50), "Brooklyn", 0.8),
            Samples.Violation("c", "cam-2", "double_parking", t.AddMinutes(70), null, 0.9),
            Samples.Violation("outside", "cam-3", "double_parking", t.AddHours(5), "Queens"),
        ], CancellationToken.None);

        var summary = await db.Sink.SummarizeViolationsAsync(t, t.AddHours(2), groupBy, CancellationToken.None);

        Assert.Equal(keys, summary.Select(s => s.Key));
        Assert.Equal(counts, summary.Select(s => s.Violations));
        Assert.Equal(0.7, summary[0].AverageConfidence, 6);
    }

    [Fact]
    public async Task Violations_by_camera_and_type_count_each_pair_of_the_window()
    {
        using var db = new DuckDbFixture();
        var t = Samples.T0;
        await db.Sink.WriteAsync(
        [
            Samples.Violation("a", "cam-2", "bike_lane_blocked", t.AddMinutes(5), "Brooklyn", 0.6),
            Samples.Violation("b", "cam-2", "bike_lane_blocked", t.AddMinutes(50), "Brooklyn", 0.8),
            Samples.Violation("c", "cam-2", "double_parking", t.AddMinutes(70), null, 0.9),
            Samples.Violation("d", "cam-1", "double_parking", t.AddMinutes(80), null, 0.5),
            Samples.Violation("outside", "cam-1", "bike_lane_blocked", t.AddHours(5), "Queens"),
        ], CancellationToken.None);

        var summary = await db.Sink.SummarizeViolationsByCameraAndTypeAsync(t, t.AddHours(2), CancellationToken.None);

        Assert.Equal(
            [("cam-1", "double_parking", 1L), ("cam-2", "bike_lane_blocked", 2L), ("cam-2", "double_parking", 1L)],
            summary.Select(s => (s.Camera, s.Type, s.Violations)));
        Assert.Equal(0.7, summary[1].AverageConfidence, 6);
    }

    [Fact]
    public async Task Violation_summary_by_day_splits_at_utc_midnight()
    {
        using var db = new DuckDbFixture();
        var midnight = new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
        await db.Sink.WriteAsync(
        [
            Samples.Violation("late", "cam-1", "bike_lane_blocked", midnight.AddMinutes(-30), "Brooklyn", 0.6),
            Samples.Violation("early", "cam-1", "bike_lane_blocked", midnight.AddMinutes(30), "Brooklyn", 0.8),
            Samples.Violation("noon", "cam-2", "double_parking", midnight.AddHours(12), null, 0.9),
        ], CancellationToken.None);

        var summary = await db.Sink.SummarizeViolationsAsync(midnight.AddDays(-1), midnight.AddDays(1), ViolationGrouping.Day, CancellationToken.None);

        Assert.Equal(["2025-03-14T00:00:00Z", "2025-03-15T00:00:00Z"], summary.Select(s => s.Key));
        Assert.Equal([1L, 2L], summary.Select(s => s.Violations));
    }
}
