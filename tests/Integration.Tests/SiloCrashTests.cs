using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A silo process is SIGKILLed under its cameras, as in production: nobody tells the cluster, which must detect the
/// death by probing. The registry's watchdog, woken by the death declaration, brings every camera back long
/// before its keep-alive reminder would (5 minutes here, so the reminder cannot be what passes the test).
/// </summary>
public sealed class SiloCrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Alone the cameras stop ~17 s; under the whole suite's load on two cores one run took 72 s. The bound stays well
    // under the 5-minute reminder, so only the death sweep or the registry's watchdog can meet it.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Every_camera_of_a_SIGKILLed_silo_process_resumes_polling_long_before_its_reminder()
    {
        var cameras = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var serviceId = "vc-crash-" + Guid.NewGuid().ToString("N")[..8];
        var redis = await SharedRedis.ConnectionStringAsync();
        await using var replay = await MovingSceneReplay.StartAsync(cameras);
        var replayUrl = replay.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:ServiceId"] = serviceId,
            ["NycDot:BaseUrl"] = replayUrl,
            ["Vision:Detector"] = "BackgroundSubtraction",
            ["NycDot:AttemptTimeout"] = "00:00:01",
            ["NycDot:Retries"] = "1",
            ["Cameras:PollInterval"] = "00:00:01",
            ["Cameras:Jitter"] = "0.5",
            ["Cameras:KeepAlivePeriod"] = "00:05:00",
            ["Cameras:WatchdogPeriod"] = "00:00:15",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:VibeCheck.Grains.Cameras.SiloDeathWatcher"] = "Information",
            ["Logging:LogLevel:VibeCheck.Grains.Cameras.CameraRegistryGrain"] = "Information",
            ["Warehouse:DataDirectory"] = Path.Combine(Path.GetTempPath(), "vibecheck-tests", serviceId, "warehouse"),
        };
        var scenario = replay.Services.GetRequiredService<ReplayScenario>();
        await using var first = SiloProcess.Start(settings);
        await WaitUntilAsync(() => Task.FromResult(cameras.All(c => scenario.ImageRequestsOf(c) >= 2)), TimeSpan.FromSeconds(120),
            "every camera polled by the first silo", first);
        await using var second = SiloProcess.Start(settings);
        using var client = await StartClientAsync(redis, serviceId);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var management = grains.GetGrain<IManagementGrain>(0);
        await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(120),
            "the second silo to be active", second);

        // The first silo ran the registry sync, so it holds the cameras it has not yet handed to the second (the
        // watchdog evens them out); the output says how many it held and whether the registry (the watchdog) died too.
        var registryHost = await management.GetActivationAddress(grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key));
        var victims = new List<Guid>();
        foreach (var camera in cameras)
        {
            var host = await management.GetActivationAddress(grains.GetGrain<ICameraGrain>(camera));
            if (host?.Endpoint.Port == first.SiloPort)
            {
                victims.Add(camera);
            }
        }

        Assert.NotEmpty(victims);
        var killedAt = DateTimeOffset.UtcNow;
        await first.KillAsync();
        output.WriteLine($"SIGKILLed the first silo, holding {victims.Count} of {cameras.Count} cameras (registry too: {registryHost?.Endpoint.Port == first.SiloPort})");

        using var http = new HttpClient { BaseAddress = new Uri(replayUrl), Timeout = TimeSpan.FromSeconds(30) };
        PollsReport? report = null;
        await WaitUntilAsync(
            async () =>
            {
                report = await http.GetFromJsonAsync<PollsReport>($"/_replay/polls?since={killedAt.ToUnixTimeMilliseconds()}");
                return victims.All(v => report!.Cameras.Any(c => c.CameraId == v && c.Requests >= 2));
            },
            TimeSpan.FromSeconds(180),
            "every camera of the killed silo to poll twice again",
            second);

        var stops = CameraStops.Of(report!, victims);
        output.WriteLine(stops.Describe());
        var survivor = string.Join(" | ", second.LastLines.Split(Environment.NewLine).Where(l => l.Contains("declared dead") || l.Contains("watchdog") || l.Contains("Sweeping")));
        output.WriteLine("survivor: " + survivor);
        stops.AssertWithin(StopBound, "; survivor: " + survivor);
    }

    private static async Task<IHost> StartClientAsync(string redis, string serviceId)
    {
        var host = new HostBuilder()
            .UseOrleansClient(c => c
                .Configure<ClusterOptions>(o => { o.ClusterId = serviceId; o.ServiceId = serviceId; })
                .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis)))
            .Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, SiloProcess silo)
    {
        try
        {
            await VibeCheckCluster.WaitUntilAsync(condition, timeout, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}Silo log:{Environment.NewLine}{silo.LastLines}", ex);
        }
    }
}
