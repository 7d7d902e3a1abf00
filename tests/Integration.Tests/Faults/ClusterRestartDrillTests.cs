using System.Diagnostics;
using System.Text.Json;
using VibeCheck.Integration.Tests.Alerts;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// The whole cluster stopped and a new one started with the same ServiceId: the alert outbox and camera polling come
/// back from Redis by themselves (reminders), with nothing asking for them.
/// </summary>
public sealed class ClusterRestartDrillTests(ITestOutputHelper output)
{
    /// <summary>One reminder period (1 min) after the new cluster is up, plus slack for a loaded machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Undelivered_alert_waits_in_the_outbox_across_a_whole_cluster_restart_and_its_reminder_delivers_it()
    {
        var serviceId = "vc-outbox-" + Guid.NewGuid().ToString("N")[..8];
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        webhook.Respond = (_, _) => Task.FromResult(503);
        // Retries spaced out so the delivery is still pending when the cluster stops; no cameras, so nothing but the
        // AlertGrain's own reminder can wake it in the new cluster.
        var settings = DrillScene.Settings(webhook, smtp, new Dictionary<string, string?>
        {
            ["Alerts:Delivery:InitialBackoff"] = "00:00:02",
            ["Alerts:Delivery:MaxBackoff"] = "00:00:05",
            ["Alerts:Delivery:MaxAttempts"] = "1000",
        });
        var episode = Episode.New();
        await using (var first = await VibeCheckCluster.StartAsync(cameraCount: 0, serviceId: serviceId, settings: settings))
        {
            await episode.ReportAsync(first.Grains, 0.9);
            await VibeCheckCluster.WaitUntilAsync(
                () => Task.FromResult(webhook.Mentioning(episode.Id).Count >= 2), Bound, "two refused deliveries before the stop");
        }

        var refused = webhook.Mentioning(episode.Id);
        var key = Assert.Single(refused.Select(r => r.IdempotencyKey).Distinct());
        webhook.Respond = (_, _) => Task.FromResult(200);
        var restart = Stopwatch.StartNew();
        await using var second = await VibeCheckCluster.StartAsync(cameraCount: 0, serviceId: serviceId, settings: settings);
        var up = restart.Elapsed;

        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(webhook.AcceptedMentioning(episode.Id).Count > 0), Bound, "the pending delivery after the restart");
        var delivered = restart.Elapsed;
        output.WriteLine($"{refused.Count} deliveries refused before the stop; new cluster up in {up.TotalSeconds:F1} s; delivered {delivered.TotalSeconds:F1} s after the restart began, with no call to the AlertGrain");

        var accepted = Assert.Single(webhook.AcceptedMentioning(episode.Id));
        Assert.Equal(key, accepted.IdempotencyKey);
        var alerts = await second.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        var id = Assert.Single(alerts.GetProperty("alerts").EnumerateArray()).GetProperty("id").GetString();
        var details = await second.GetJsonAsync<JsonElement>($"/alerts/{id}");
        Assert.Contains(details.GetProperty("deliveries").EnumerateArray(),
            d => d.GetProperty("idempotencyKey").GetString() == key && d.GetProperty("outcome").GetString() == "success");
        Assert.Empty(details.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task Camera_polling_and_episode_state_come_back_by_themselves_after_a_whole_cluster_restart()
    {
        var serviceId = "vc-polling-" + Guid.NewGuid().ToString("N")[..8];
        var cameras = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        var settings = DrillScene.Settings(webhook, smtp);
        IReadOnlyDictionary<string, string> before;
        await using (var first = await VibeCheckCluster.StartAsync(cameraIds: cameras, serviceId: serviceId, settings: settings, setUpReplay: DrillScene.SetUpReplay))
        {
            await DrillScene.SetZonesAsync(first);
            await using var ledger = new DrillLedger(first, webhook);
            await VibeCheckCluster.WaitUntilAsync(
                async () => (await ledger.AcceptedAsync()).Count >= 1, Bound, "an episode before the stop");
            before = await ledger.AcceptedAsync();
            await first.Cluster.StopAllSilosAsync();
        }

        var restartedAt = DateTimeOffset.UtcNow;
        var restart = Stopwatch.StartNew();
        await using var second = await VibeCheckCluster.StartAsync(cameraIds: cameras, serviceId: serviceId, settings: settings, setUpReplay: DrillScene.SetUpReplay);
        var up = restart.Elapsed;
        await using var after = new DrillLedger(second, webhook);

        // No call to any camera: the silos' start (registry) and the keep-alive reminders alone bring polling back. Seen
        // in the state each poll persists (its check time): the harness's new replay server has a new port, and the cameras keep the
        // image URL of their last registry sync (recent, so not repeated at start), so their fetches may fail here.
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                foreach (var camera in cameras)
                {
                    if (await after.StoredLastCheckedAsync(camera) is not { } checkedAt || checkedAt < restartedAt)
                    {
                        return false;
                    }
                }

                return true;
            },
            Bound, "every camera polling again");
        output.WriteLine($"new cluster up in {up.TotalSeconds:F1} s; every camera polled again {restart.Elapsed.TotalSeconds:F1} s after the restart began");

        var kept = await after.AcceptedAsync();
        var stored = await after.StoredAsync();
        foreach (var id in before.Keys)
        {
            Assert.True(kept.ContainsKey(id), $"episode {id} listed by its camera after the restart");
            Assert.True(stored.ContainsKey(id), $"episode {id} in Redis after the restart");
        }

        output.WriteLine($"{before.Count} episodes before the stop, all listed and stored after it");
    }
}
