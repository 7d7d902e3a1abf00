using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>An anomaly of a camera's newest bucket raises its "unusual activity" alert, and a usual bucket resolves it.</summary>
public sealed class UnusualActivityAlertTests
{
    [Fact]
    public async Task Spike_in_the_newest_bucket_raises_and_a_usual_bucket_resolves_the_unusual_activity_alert()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 1, settings: new Dictionary<string, string?> { ["Forecasting:RefitPeriod"] = "00:00:01" });
        var camera = system.Cameras[0];
        var last = ActivityHistory.LastClosedBucket() - ActivityHistory.Bucket;
        await ActivityHistory.SeedAsync(system.Grains, camera, ActivityHistory.Daily(camera, last - ActivityHistory.Bucket, TimeSpan.FromDays(3), seed: 5));
        await system.Grains.GetGrain<ICameraForecastGrain>(camera).RecordActivity(ActivityHistory.Report(camera, last, 400, 200));

        async Task<JsonElement?> AlertAsync()
        {
            var alerts = await system.Http.GetFromJsonAsync<JsonElement>($"/alerts?camera={camera}");
            var list = alerts.ValueKind == JsonValueKind.Array ? alerts : alerts.GetProperty("alerts");
            foreach (var alert in list.EnumerateArray())
            {
                if (alert.GetRawText().Contains("UnusualActivity", StringComparison.Ordinal))
                {
                    return alert;
                }
            }

            return null;
        }

        await VibeCheckCluster.WaitUntilAsync(async () => await AlertAsync() is not null, TimeSpan.FromSeconds(60), "the unusual activity alert");
        Assert.Contains("firing", (await AlertAsync())!.Value.GetRawText());

        var usual = last + ActivityHistory.Bucket;
        var expected = ActivityHistory.Expected(usual);
        await system.Grains.GetGrain<ICameraForecastGrain>(camera).RecordActivity(
            ActivityHistory.Report(camera, usual, (int)Math.Round(expected * 0.6), (int)Math.Round(expected * 0.4)));
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await AlertAsync())?.GetRawText().Contains("resolved", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(60), "the alert to resolve after a usual bucket");
    }
}
