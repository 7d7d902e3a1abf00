using System.Text.Json;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>Runs its own cluster with a one-second refit period, so the shared cluster's cameras are not refit under their tests.</summary>
public sealed class RefitTimerTests
{
    [Fact]
    public async Task New_bucket_is_refit_by_the_timer_and_rewritten_to_the_cache()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1, settings: new Dictionary<string, string?> { ["Forecasting:RefitPeriod"] = "00:00:01" });
        var camera = system.Cameras[0];
        var grain = system.Grains.GetGrain<ICameraForecastGrain>(camera);
        var last = ActivityHistory.LastClosedBucket() - ActivityHistory.Bucket;
        await ActivityHistory.SeedAsync(system.Grains, camera, ActivityHistory.Daily(camera, last, TimeSpan.FromDays(3), seed: 11));
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await grain.GetPredictions([60]))[0] is { Status: PredictionStatus.Ok, HistoryBuckets: 864 },
            TimeSpan.FromSeconds(60), "a fit of the seeded 864 buckets");

        var next = last + ActivityHistory.Bucket;
        await grain.RecordActivity(ActivityHistory.Report(camera, next, 20, 10));

        // No read triggers this fit: only the timer refits a camera that already has a forecast.
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await grain.GetPredictions([60]))[0] is { HistoryBuckets: 865 } p && p.LastBucketStart == next,
            TimeSpan.FromSeconds(60), "the timer's refit including the new bucket");
        var prediction = (await grain.GetPredictions([60]))[0];
        Assert.Equal(next + TimeSpan.FromMinutes(60), prediction.Points[^1].Timestamp);
        var cached = JsonDocument.Parse((string)(await system.Redis.StringGetAsync($"prediction:camera:{camera}:horizon:60"))!).RootElement;
        Assert.Equal(865, cached.GetProperty("historyBuckets").GetInt32());
        Assert.Equal(next, cached.GetProperty("lastBucketStart").GetDateTimeOffset());
    }
}
