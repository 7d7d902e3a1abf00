using System.ComponentModel.DataAnnotations;
using System.Net.Http.Json;
using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Interfaces;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A silo dies under its cameras: the registry's watchdog, woken by the death declaration, re-activates them on
/// the survivor well before their own keep-alive reminder would. Own system, since it kills a silo. TestCluster's
/// kill of an in-process silo still marks it dead in the membership table at once, so this measures the
/// re-activation path without failure detection (~2 s); <see cref="SiloCrashTests"/> SIGKILLs a silo process.
/// </summary>
public sealed class CameraFailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Every_camera_of_a_killed_silo_resumes_polling_long_before_its_reminder()
    {
        // The reminder is 5 minutes here, so only the watchdog can bring the cameras back within the bound.
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 12,
            settings: new Dictionary<string, string?>
            {
                ["Cameras:PollInterval"] = "00:00:01",
                ["Cameras:Jitter"] = "0.5",
                ["Cameras:KeepAlivePeriod"] = "00:05:00",
                ["Cameras:WatchdogPeriod"] = "00:00:15",
            });
        using var replay = system.NewReplayClient();
        await system.WaitForPollsAsync(2, TimeSpan.FromSeconds(60));

        var management = system.Grains.GetGrain<IManagementGrain>(0);
        var hosts = new Dictionary<Guid, SiloAddress?>();
        foreach (var camera in system.Cameras)
        {
            hosts[camera] = await management.GetActivationAddress(system.Grains.GetGrain<ICameraGrain>(camera));
        }

        // The harder case when it exists: the registry (and so the watchdog) dies with the cameras.
        var registryHost = await management.GetActivationAddress(system.Grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key));
        var victimAddress = hosts.Values.Contains(registryHost)
            ? registryHost!
            : hosts.Values.OfType<SiloAddress>().GroupBy(a => a).MaxBy(g => g.Count())!.Key;
        var victims = hosts.Where(h => victimAddress.Equals(h.Value)).Select(h => h.Key).ToList();
        Assert.NotEmpty(victims);

        var killedAt = DateTimeOffset.UtcNow;
        await system.Cluster.KillSiloAsync(system.Cluster.Silos.Single(s => s.SiloAddress.Equals(victimAddress)));
        output.WriteLine($"killed {victimAddress} holding {victims.Count} of {system.Cameras.Count} cameras (registry too: {victimAddress.Equals(registryHost)})");

        PollsReport? report = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                report = await replay.GetFromJsonAsync<PollsReport>($"/_replay/polls?since={killedAt.ToUnixTimeMilliseconds()}");
                return victims.All(v => report!.Cameras.Any(c => c.CameraId == v && c.Requests >= 2));
            },
            TimeSpan.FromSeconds(150),
            "every camera of the killed silo to poll twice again");

        var stops = CameraStops.Of(report!, victims);
        output.WriteLine(stops.Describe());
        stops.AssertWithin(StopBound);
    }

    [Theory]
    [InlineData("00:00:00", false)]
    [InlineData("00:00:01", true)]
    [InlineData("00:00:15", true)]
    [InlineData("02:00:00", false)]
    public void The_watchdog_period_is_validated(string period, bool valid)
    {
        var options = new CameraPollingOptions { WatchdogPeriod = TimeSpan.Parse(period) };

        var accepted = Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);

        Assert.Equal(valid, accepted);
    }
}
