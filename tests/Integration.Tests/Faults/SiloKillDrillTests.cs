using System.Diagnostics;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Integration.Tests.Alerts;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// One silo of two killed (no graceful leave) while its cameras have episodes open and alerts are on their way to a
/// slow webhook: its cameras must poll again on the survivor by themselves, and no episode or alert may be lost or
/// doubled in Redis, the warehouse, the AlertGrain or at the webhook.
/// </summary>
public sealed class SiloKillDrillTests(ITestOutputHelper output)
{
    /// <summary>Stated bound: failure detection plus one keep-alive reminder period (1 min), the backstop behind the registry sweep, plus slack.</summary>
    private static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Silo_killed_with_episodes_open_and_alerts_in_flight_resumes_its_cameras_and_loses_or_doubles_nothing()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        // A slow receiver, so deliveries are in flight when the silo dies.
        webhook.Respond = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), ct);
            return 200;
        };
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 6, silos: 2, settings: DrillScene.Settings(webhook, smtp), setUpReplay: DrillScene.SetUpReplay);
        await DrillScene.SetZonesAsync(system);
        await using var ledger = new DrillLedger(system, webhook);

        await VibeCheckCluster.WaitUntilAsync(
            async () => (await ledger.AcceptedAsync()).Values.Count(s => s == "open") >= 1 && webhook.AcceptedMentioning("ViolationDetected").Count > 0,
            Bound, "an open episode and a delivered violation alert before the kill");

        // The victim: the silo holding the most cameras.
        var management = system.Grains.GetGrain<IManagementGrain>(0);
        var hosts = new Dictionary<Guid, SiloAddress>();
        foreach (var camera in system.Cameras)
        {
            hosts[camera] = await management.GetActivationAddress(system.Grains.GetGrain<ICameraGrain>(camera))
                ?? throw new InvalidOperationException($"camera {camera} is not active: it should be polling");
        }

        var victim = system.Cluster.Silos.MaxBy(s => hosts.Values.Count(h => h.Equals(s.SiloAddress)))!;
        var orphans = hosts.Where(h => h.Value.Equals(victim.SiloAddress)).Select(h => h.Key).ToList();
        var router = await management.GetActivationAddress(system.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key));
        var openBefore = (await ledger.AcceptedAsync()).Count(e => e.Value == "open");
        var requestsBefore = webhook.Requests.Count;
        var polled = orphans.ToDictionary(c => c, c => system.Replay.ImageRequestsOf(c));
        await system.Cluster.KillSiloAsync(victim);
        var killed = Stopwatch.StartNew();

        // No call to the orphaned cameras from the test: the registry sweep on the silo's death (or the reminders) must bring polling back.
        var resumed = new Dictionary<Guid, TimeSpan>();
        await VibeCheckCluster.WaitUntilAsync(
            () =>
            {
                foreach (var camera in orphans.Where(c => !resumed.ContainsKey(c) && system.Replay.ImageRequestsOf(c) >= polled[c] + 2))
                {
                    resumed[camera] = killed.Elapsed;
                }

                return Task.FromResult(resumed.Count == orphans.Count);
            },
            ResumeBound, $"the {orphans.Count} cameras of the killed silo polling again on the survivor");
        var allResumed = killed.Elapsed;

        // Then every camera goes down, episodes end by time, and the books must close with nothing lost or doubled.
        DrillScene.CamerasDown(system);
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                try
                {
                    return (await ledger.AcceptedAsync()).Values.All(s => s == "resolved");
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    return false;
                }
            },
            Bound, "every episode to resolve once the cameras are down", describe: async () => await ledger.DescribeUnresolvedAsync());
        DrillAccount? account = null;
        var settle = Stopwatch.StartNew();
        try
        {
            await VibeCheckCluster.WaitUntilAsync(
                async () =>
                {
                    try
                    {
                        return (account = await ledger.AccountAsync()).Problems.Count == 0;
                    }
                    catch (Exception e) when (e is OrleansException or TimeoutException or HttpRequestException)
                    {
                        return false;
                    }
                },
                Bound, "every accepted episode and alert in Redis, the warehouse and the webhook");
        }
        finally
        {
            output.WriteLine($"killed silo {victim.SiloAddress} held {orphans.Count} of {system.Cameras.Count} cameras{(victim.SiloAddress.Equals(router) ? " and the front alert router" : "")}; {openBefore} episodes open, {webhook.Requests.Count - requestsBefore} webhook requests seen after the kill");
            output.WriteLine($"its cameras polled again on the survivor {string.Join(", ", resumed.Values.Order().Select(t => $"{t.TotalSeconds:F1} s"))} after the kill (all by {allResumed.TotalSeconds:F1} s; bound {ResumeBound.TotalSeconds:F0} s)");
            output.WriteLine($"books closed {settle.Elapsed.TotalSeconds:F1} s after every episode resolved");
            output.WriteLine(account?.ToString() ?? "no account");
            output.WriteLine($"webhook duplicate deliveries (same idempotency key accepted again; receivers dedupe by key): {account?.DuplicateWebhookDeliveries}");
            output.WriteLine($"data lost or doubled: {account?.Problems.Count}");
        }

        Assert.Empty(account!.Problems);
        Assert.All(orphans, c => Assert.True(resumed[c] <= ResumeBound));
    }
}
