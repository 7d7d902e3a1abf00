using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Integration.Tests.Alerts;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>
/// A violation accepted while the warehouse cannot be written is not dropped: its grain keeps the write owed in its
/// state and a reminder retries it, with no further report from the camera.
/// </summary>
public sealed class WarehouseRetryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Violation_row_refused_by_the_warehouse_is_written_by_the_retry_reminder_once_it_recovers()
    {
        // A regular file where the warehouse's data directory should be: DuckDB cannot create its database there.
        var blocked = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "blocked-warehouse-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "not a directory");
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1, silos: 1, settings: new Dictionary<string, string?> { ["Warehouse:DataDirectory"] = blocked });
        using var admin = system.NewClient(VibeCheckCluster.AdminKey);

        var episode = Episode.New();
        await system.Grains.GetGrain<IViolationGrain>(episode.Id).Report(episode.Next(0.9, resolved: true));
        var refused = await AnalyticsHttp.QueryAsync(admin, "SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        File.Delete(blocked);
        var recoveredAt = DateTime.UtcNow;
        var sql = $"SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations WHERE episode_id = {AnalyticsHttp.Quote(episode.Id)}";
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                var response = await AnalyticsHttp.QueryAsync(admin, sql);
                return response.IsSuccessStatusCode && await AnalyticsHttp.CountAsync(admin, sql) == 1;
            },
            TimeSpan.FromSeconds(150),
            "the owed row to be written by the retry reminder");
        output.WriteLine($"row written {(DateTime.UtcNow - recoveredAt).TotalSeconds:F1} s after the warehouse became writable (reminder period 1 min)");
    }
}
