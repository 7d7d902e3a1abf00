using System.Text.Json;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>Crashes need their own system: killing a silo would disturb the shared alert cluster.</summary>
public sealed class AlertCrashTests
{
    [Fact]
    public async Task Silo_killed_mid_delivery_loses_nothing_and_keys_stay_the_same()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1, settings: AlertClusterFixture.Settings(webhook, smtp));
        var episode = Episode.New();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 1;
        webhook.Respond = async (request, ct) =>
        {
            if (request.Body.Contains(episode.Id, StringComparison.Ordinal) && Interlocked.Exchange(ref first, 0) == 1)
            {
                // Hold the first delivery until the sender goes away.
                inFlight.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return 200;
        };

        await episode.ReportAsync(system.Grains, 0.93);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The router that holds the camera's alert and sends its deliveries; the front answers the queries.
        var holder = system.Grains.GetGrain<IAlertGrain>(AlertRouterKeys.ForCamera(episode.Camera, NotifyOptions.DefaultShards));
        var router = system.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key);
        var host = await system.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(holder);
        await system.Cluster.KillSiloAsync(system.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));

        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                try
                {
                    return (await router.PendingDeliveries()).Count == 0
                        && webhook.AcceptedMentioning(episode.Id).Count > 0
                        && smtp.Mentioning(episode.Camera.ToString(), AlertClusterFixture.OpsMail).Count > 0;
                }
                catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(120), "deliveries resumed on the surviving silo");

        var keys = webhook.Mentioning(episode.Id).Select(r => r.IdempotencyKey).Distinct().ToList();
        var key = Assert.Single(keys);
        Assert.True(webhook.Mentioning(episode.Id).Count >= 2, "the held delivery was made again after the crash");
        Assert.Single(webhook.AcceptedMentioning(episode.Id));
        var alerts = await system.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        var id = Assert.Single(alerts.GetProperty("alerts").EnumerateArray()).GetProperty("id").GetString();
        var details = await system.GetJsonAsync<JsonElement>($"/alerts/{id}");
        Assert.Contains(details.GetProperty("deliveries").EnumerateArray(),
            d => d.GetProperty("idempotencyKey").GetString() == key && d.GetProperty("outcome").GetString() == "success");
        Assert.Empty((await system.GetJsonAsync<JsonElement>("/alerts/dead-letters")).GetProperty("deadLetters").EnumerateArray());
    }
}
