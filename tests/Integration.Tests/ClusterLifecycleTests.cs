using System.Net;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Integration.Tests;

/// <summary>Tests that start their own systems: restarts and crashes would disturb the shared one.</summary>
public sealed class ClusterLifecycleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task State_survives_a_whole_cluster_restart()
    {
        var serviceId = "vc-restart-" + Guid.NewGuid().ToString("N")[..8];
        var cameras = new[] { Guid.NewGuid(), Guid.NewGuid() };
        string? hash;
        await using (var first = await VibeCheckCluster.StartAsync(serviceId: serviceId, cameraIds: cameras, silos: 1))
        {
            hash = (await first.Grains.GetGrain<ICameraGrain>(cameras[0]).ProcessNow()).FrameHash;
        }

        await using var second = await VibeCheckCluster.StartAsync(serviceId: serviceId, cameraIds: cameras, silos: 1);
        var snapshot = await second.Grains.GetGrain<ICameraGrain>(cameras[0]).GetSnapshot();

        Assert.NotNull(hash);
        Assert.Equal(hash, snapshot.LastFrameHash);
        Assert.Equal(CameraHealth.Online, snapshot.Health);
        var response = await second.Http.GetAsync($"/cameras/{cameras[0]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Polling_resumes_by_itself_after_the_silo_holding_the_camera_dies()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 6,
            settings: new Dictionary<string, string?> { ["Cameras:PollInterval"] = "00:00:01", ["Cameras:Jitter"] = "0.5" });
        var camera = system.Cameras[0];
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(system.Replay.ImageRequestsOf(camera) >= 2), TimeSpan.FromSeconds(30), "first polls of the camera");

        var host = await system.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(system.Grains.GetGrain<ICameraGrain>(camera));
        var victim = system.Cluster.Silos.Single(s => s.SiloAddress.Equals(host));
        await system.Cluster.KillSiloAsync(victim);
        var killedAt = DateTime.UtcNow;
        var afterKill = system.Replay.ImageRequestsOf(camera);

        // No call to the grain from the test: the registry's sweep on the silo's death (or its watchdog, or at worst the
        // camera's own reminder) must bring polling back.
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(system.Replay.ImageRequestsOf(camera) >= afterKill + 2), TimeSpan.FromSeconds(150), "polling to resume by itself");
        output.WriteLine($"polling of camera {camera} resumed {(DateTime.UtcNow - killedAt).TotalSeconds:F1} s after its silo was killed");
    }
}
