using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Tests;

public sealed class DuckDbWriteTests
{
    [Fact]
    public async Task Retried_batches_and_duplicate_ids_never_count_twice()
    {
        using var db = new DuckDbFixture();
        var batch = Samples.Violations(50);

        await db.Sink.WriteAsync(batch, CancellationToken.None);
        await db.Sink.WriteAsync(batch, CancellationToken.None);
        await db.Sink.WriteAsync([.. batch.Take(10), .. batch.Take(10)], CancellationToken.None);

        Assert.Equal(50, await db.CountAsync("realtime_violations"));
    }

    [Fact]
    public async Task Rewriting_an_episode_replaces_it_with_the_latest_values()
    {
        using var db = new DuckDbFixture();
        var open = Samples.Violation("ep-1") with { EndedAt = null, Confidence = 0.6 };
        var closed = open with { EndedAt = Samples.T0.AddMinutes(2), Confidence = 0.9, FrameHashes = ["a", "b", "c"] };

        await db.Sink.WriteAsync([open], CancellationToken.None);
        await db.Sink.WriteAsync([closed], CancellationToken.None);
        var row = (await db.Sink.QueryAsync(
            "SELECT confidence, ended_at, frame_hashes FROM vibecheck_analytics.realtime_violations", CancellationToken.None)).Rows.Single();

        Assert.Equal(0.9, (double)row[0]!);
        Assert.Equal(Samples.T0.AddMinutes(2).UtcDateTime, (DateTime)row[1]!);
        Assert.Equal(["a", "b", "c"], ((IEnumerable<object?>)row[2]!).Cast<string>());
    }

    [Fact]
    public async Task Every_table_round_trips_its_values()
    {
        using var db = new DuckDbFixture();
        IWarehouseRow[] rows =
        [
            Samples.Violation("ep-1"), Samples.Alert("al-1", "pending", 0), Samples.Alert("al-1", "sent", 2),
            Samples.Activity("cam-1", Samples.T0), Samples.Activity("cam-1", Samples.T0), Samples.Health("cam-1"),
        ];

        await db.Sink.WriteAsync(rows, CancellationToken.None);
        var alert = (await db.Sink.QueryAsync(
            "SELECT event_id, status, attempts, sent_at FROM vibecheck_analytics.alert_events", CancellationToken.None)).Rows.Single();
        var activity = (await db.Sink.QueryAsync("""
            SELECT activity_id, bucket_seconds, (SELECT sum(c.count) FROM unnest(counts_by_class) AS t(c)) AS detections,
                   list_transform(counts_by_class, lambda c: c.name) AS classes, violations_by_type[1].count AS blocked
            FROM vibecheck_analytics.camera_activity
            """, CancellationToken.None)).Rows.Single();
        var health = (await db.Sink.QueryAsync(
            "SELECT from_status, to_status, reason FROM vibecheck_analytics.camera_health", CancellationToken.None)).Rows.Single();

        Assert.Equal(["al-1|email", "sent", 2L, Samples.T0.AddMinutes(1).UtcDateTime], alert);
        Assert.Equal("cam-1|2025-03-14T08:00:00.0000000Z", activity[0]);
        Assert.Equal(300L, activity[1]);
        Assert.Equal(14L, Convert.ToInt64(activity[2]));
        Assert.Equal(["bus", "car"], ((IEnumerable<object?>)activity[3]!).Cast<string>());
        Assert.Equal(1L, activity[4]);
        Assert.Equal(["online", "stale", "3 consecutive fetch failures"], health);
        Assert.Equal(1, await db.CountAsync("realtime_violations"));
    }

    [Fact]
    public async Task A_failed_batch_leaves_no_partial_rows()
    {
        using var db = new DuckDbFixture();
        var bad = Samples.Violation("ep-bad") with { CameraId = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => db.Sink.WriteAsync([Samples.Violation("ep-ok"), bad], CancellationToken.None));
        await db.Sink.WriteAsync([Samples.Violation("ep-next")], CancellationToken.None);

        Assert.Equal(1, await db.CountAsync("realtime_violations"));
    }
}
