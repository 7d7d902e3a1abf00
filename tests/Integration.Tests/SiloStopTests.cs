using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A silo process whose Redis has gone is stopped with SIGTERM. Orleans alone retries its membership writes for about
/// a minute each (two minutes in all); the silo must exit within its stop bound and name what it gave up.
/// </summary>
public sealed class SiloStopTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task A_silo_whose_Redis_has_gone_stops_within_its_bound_and_names_what_it_gave_up()
    {
        var cameras = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var serviceId = "vc-stop-" + Guid.NewGuid().ToString("N")[..8];
        await using var redis = await RedisServer.StartAsync();
        await using var replay = await MovingSceneReplay.StartAsync(cameras);
        var scenario = replay.Services.GetRequiredService<ReplayScenario>();
        var settings = new Dictionary<string, string?>(redis.ClientSettings())
        {
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:ServiceId"] = serviceId,
            ["NycDot:BaseUrl"] = replay.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
            ["Vision:Detector"] = "BackgroundSubtraction",
            ["Cameras:PollInterval"] = "00:00:01",
            ["Cameras:Jitter"] = "0.5",
            ["Silo:StopTimeout"] = StopTimeout.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Warehouse:DataDirectory"] = Path.Combine(Path.GetTempPath(), "vibecheck-tests", serviceId, "warehouse"),
        };
        await using var silo = SiloProcess.Start(settings);
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(cameras.All(c => scenario.ImageRequestsOf(c) >= 2)), TimeSpan.FromSeconds(120), "every camera polled");

        await redis.StopProcessAsync();
        var polled = cameras.ToDictionary(c => c, scenario.ImageRequestsOf);
        // Polls go on without Redis; each one leaves the camera's state unsaved, held in memory.
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(cameras.All(c => scenario.ImageRequestsOf(c) >= polled[c] + 2)), TimeSpan.FromSeconds(60), "polls without Redis");

        var (exitCode, elapsed) = await silo.TerminateAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"stopped in {elapsed.TotalSeconds:F1} s with exit code {exitCode}");
        output.WriteLine(silo.LastLines);

        Assert.InRange(elapsed, TimeSpan.Zero, StopTimeout + TimeSpan.FromSeconds(8));
        Assert.Equal(1, exitCode);
        Assert.Contains($"did not stop within {StopTimeout:c} (Redis unreachable)", silo.LastLines);
        Assert.Contains("Gave up marking this silo dead in the membership table", silo.LastLines);
        // Each camera's unsaved state is named: by the camera as it deactivated, or by the deadline if it had not.
        Assert.All(cameras, camera => Assert.True(
            silo.LastLines.Contains($"Camera {camera} deactivated") || silo.LastLines.Contains($"Gave up on camera {camera}"),
            $"nothing logged of camera {camera}'s unsaved state"));
    }
}
