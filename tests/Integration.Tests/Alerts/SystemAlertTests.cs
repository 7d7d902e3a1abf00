using System.Text.Json;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>System alerts through the same pipeline: the silo monitor, camera health inhibition, citywide outage.</summary>
[Collection(AlertClusterCollection.Name)]
public sealed class SystemAlertTests(AlertClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private VibeCheckCluster System => fixture.System;
    /// <summary>Where the registry sends a camera's health: the router that holds the camera's alerts.</summary>
    private IAlertGrain RouterOf(Guid camera) =>
        System.Grains.GetGrain<IAlertGrain>(AlertRouterKeys.ForCamera(camera, NotifyOptions.DefaultShards));

    [Fact]
    public async Task Redis_slower_than_its_threshold_for_the_window_raises_one_system_alert()
    {
        // The fixture's threshold is zero: every ping is a breach, so the alert fires once the 1 s window has passed.
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Webhook.AcceptedMentioning("\"alertname\":\"RedisSlow\"").Count > 0), Bound, "RedisSlow webhook");
        var firing = await System.GetJsonAsync<JsonElement>("/alerts?status=firing");
        var slow = Assert.Single(firing.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("name").GetString() == "RedisSlow");
        Assert.Equal("redis", slow.GetProperty("labels").GetProperty("type").GetString());
        Assert.Equal("medium", slow.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Offline_camera_mutes_its_violation_alerts()
    {
        var offline = Episode.New();
        var healthy = Episode.New();
        await RouterOf(offline.Camera).ReportCameraHealth(new CameraHealthSignal(offline.Camera, "Manhattan", CameraHealth.Offline, 1000));
        await VibeCheckCluster.WaitUntilAsync(async () => await HasFiringAsync(offline.Camera, "CameraOffline"), Bound, "CameraOffline alert");
        try
        {
            await offline.ReportAsync(System.Grains, 0.95);
            await healthy.ReportAsync(System.Grains, 0.95);

            await VibeCheckCluster.WaitUntilAsync(
                () => Task.FromResult(fixture.Webhook.AcceptedMentioning(healthy.Id).Count > 0), Bound, "alert of the healthy camera");
            Assert.Empty(fixture.Webhook.Mentioning(offline.Id));
            var alerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={offline.Camera}");
            var violation = Assert.Single(alerts.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("name").GetString() == "ViolationDetected");
            Assert.StartsWith("inhibited by ", violation.GetProperty("mutedBecause").GetString());
        }
        finally
        {
            await RouterOf(offline.Camera).ReportCameraHealth(new CameraHealthSignal(offline.Camera, "Manhattan", CameraHealth.Online, 1000));
        }

        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Webhook.AcceptedMentioning(offline.Id).Count > 0), Bound, "violation alert once the camera is back");
    }

    [Fact]
    public async Task Many_cameras_offline_raise_one_citywide_alert_instead_of_one_per_camera()
    {
        var cameras = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        try
        {
            foreach (var camera in cameras)
            {
                await RouterOf(camera).ReportCameraHealth(new CameraHealthSignal(camera, "Queens", CameraHealth.Offline, 10));
            }

            await VibeCheckCluster.WaitUntilAsync(
                () => Task.FromResult(fixture.Webhook.AcceptedMentioning("CitywideCameraOutage").Count > 0), Bound, "citywide outage webhook");
            foreach (var camera in cameras)
            {
                var alerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={camera}&status=firing");
                var health = Assert.Single(alerts.GetProperty("alerts").EnumerateArray());
                Assert.StartsWith("inhibited by ", health.GetProperty("mutedBecause").GetString());
            }
        }
        finally
        {
            foreach (var camera in cameras)
            {
                await RouterOf(camera).ReportCameraHealth(new CameraHealthSignal(camera, "Queens", CameraHealth.Online, 10));
            }
        }

        await VibeCheckCluster.WaitUntilAsync(
            async () => !await HasFiringAsync(null, "CitywideCameraOutage"), Bound, "outage resolved once the cameras are back");
    }

    private async Task<bool> HasFiringAsync(Guid? camera, string name)
    {
        var alerts = await System.GetJsonAsync<JsonElement>(camera is null ? "/alerts?status=firing" : $"/alerts?camera={camera}&status=firing");
        return alerts.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("name").GetString() == name);
    }
}
