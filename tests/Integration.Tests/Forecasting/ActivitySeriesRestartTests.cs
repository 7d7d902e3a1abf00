using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>Replaces every silo of its own cluster, so it does not share one.</summary>
public sealed class ActivitySeriesRestartTests
{
    [Fact]
    public async Task Series_and_forecast_survive_every_silo_being_replaced()
    {
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1);
        var camera = system.Cameras[0];
        var last = ActivityHistory.LastClosedBucket();
        var buckets = ActivityHistory.Daily(camera, last, TimeSpan.FromDays(3), seed: 7);
        await ActivityHistory.SeedAsync(system.Grains, camera, buckets);
        // A re-sent bucket replaces itself: idempotent by bucket start.
        await ActivityHistory.SeedAsync(system.Grains, camera, buckets.TakeLast(10));
        var grain = system.Grains.GetGrain<ICameraForecastGrain>(camera);
        var before = await grain.GetSeriesSummary();
        var forecastBefore = (await grain.GetPredictions([60]))[0];
        Assert.Equal(864, before.Buckets);
        Assert.Equal(PredictionStatus.Ok, forecastBefore.Status);

        // Whichever silo held the grain is gone afterwards: the series must come back from Redis.
        foreach (var old in system.Cluster.Silos.ToList())
        {
            await system.Cluster.StartAdditionalSiloAsync();
            await system.Cluster.StopSiloAsync(old);
            await system.Cluster.WaitForLivenessToStabilizeAsync();
        }

        var after = await grain.GetSeriesSummary();
        Assert.Equal(before, after);
        Assert.Equal(last, after.LastBucketStart);
        var forecastAfter = (await grain.GetPredictions([60]))[0];
        Assert.Equal(forecastBefore.FittedAt, forecastAfter.FittedAt);
        Assert.Equal(forecastBefore.Points, forecastAfter.Points);
    }
}
