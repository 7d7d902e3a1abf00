using VibeCheck.Alerting;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Tests.Support;

namespace VibeCheck.Grains.Tests.Alerts;

/// <summary>
/// The routers as the gateway and the cameras see them: each camera's alerts in its shard, the front answering for
/// all, silences and the citywide outage reaching across shards.
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class AlertShardingTests(MemoryClusterFixture fixture)
{
    private const string AlertStateName = "alerts";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private IAlertGrain Front => fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(IAlertGrain.Key);

    private IAlertGrain ShardOf(Guid camera) =>
        fixture.Cluster.GrainFactory.GetGrain<IAlertGrain>(AlertRouterKeys.ForCamera(camera, NotifyOptions.DefaultShards));

    [Fact]
    public async Task Each_cameras_alerts_live_in_its_shard_and_the_front_lists_and_acknowledges_them()
    {
        var (a, b) = CamerasInTwoShards();
        await ShardOf(a).ReportViolation(Violation(a));
        await ShardOf(b).ReportViolation(Violation(b));

        var inA = await ShardOf(a).List(new AlertQuery(null, null, null));
        var fromFront = await Front.List(new AlertQuery("firing", null, null));
        var frontForB = await Front.List(new AlertQuery(null, null, b.ToString()));

        Assert.Contains(inA, v => v.Labels.GetValueOrDefault(AlertLabels.Camera) == a.ToString());
        Assert.DoesNotContain(inA, v => v.Labels.GetValueOrDefault(AlertLabels.Camera) == b.ToString());
        Assert.Contains(fromFront, v => v.Labels.GetValueOrDefault(AlertLabels.Camera) == a.ToString());
        Assert.Contains(fromFront, v => v.Labels.GetValueOrDefault(AlertLabels.Camera) == b.ToString());
        var alertOfB = Assert.Single(frontForB);

        var acknowledged = await Front.Acknowledge(alertOfB.Id, "operator-3");
        var details = await Front.Get(alertOfB.Id);

        Assert.Equal("operator-3", acknowledged?.AcknowledgedBy);
        Assert.Equal("operator-3", details?.Alert.AcknowledgedBy);
        Assert.Equal("operator-3", (await ShardOf(b).Get(alertOfB.Id))?.Alert.AcknowledgedBy);
        Assert.Null(await Front.Acknowledge("no-such-alert", "operator-3"));
    }

    [Fact]
    public async Task A_report_that_reaches_the_front_is_passed_on_to_the_cameras_shard()
    {
        // What a silo of the previous version does during a rolling upgrade.
        var camera = Guid.NewGuid();
        await Front.ReportViolation(Violation(camera));

        var held = Assert.Single(await ShardOf(camera).List(new AlertQuery(null, null, camera.ToString())));
        Assert.Equal("firing", held.Status);
        Assert.Single(await Front.List(new AlertQuery(null, null, camera.ToString())));
    }

    [Fact]
    public async Task A_front_holding_cameras_alerts_from_before_sharding_hands_them_to_their_shards_when_it_activates()
    {
        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Null(await management.GetActivationAddress(Front));

        // The front's state as the single router left it: a camera's violation alert, planned into its group.
        var camera = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var stored = new GrainState<AlertGrainState>(new AlertGrainState());
        await MemoryClusterFixture.Storage.ReadStateAsync(AlertStateName, Front.GetGrainId(), stored);
        var alert = ViolationAlerts.From(
            new ViolationEpisodeInfo($"{camera:N}:bike_lane_blocked:lane:1", camera.ToString(), "Test Ave", "bike_lane_blocked", "lane", "Manhattan", 0.7, now),
            AlertTier.Medium, now);
        var planned = new NotificationPlanner(new AlertsOptions()).Plan(stored.State!.Alerting.Upsert(alert, now), now).State;
        Assert.Contains(planned.Groups, g => g.GroupLabels.GetValueOrDefault(AlertLabels.Camera) == camera.ToString());
        stored.State.Alerting = planned;
        await MemoryClusterFixture.Storage.WriteStateAsync(AlertStateName, Front.GetGrainId(), stored);

        var listed = Assert.Single(await Front.List(new AlertQuery(null, null, camera.ToString())));

        Assert.Equal(alert.Fingerprint, listed.Id);
        Assert.Equal(alert.Fingerprint, Assert.Single(await ShardOf(camera).List(new AlertQuery(null, null, camera.ToString()))).Id);
        var after = new GrainState<AlertGrainState>(new AlertGrainState());
        await MemoryClusterFixture.Storage.ReadStateAsync(AlertStateName, Front.GetGrainId(), after);
        Assert.DoesNotContain(after.State!.Alerting.Alerts, a => a.Fingerprint == alert.Fingerprint);
        Assert.DoesNotContain(after.State!.Alerting.Groups, g => g.GroupLabels.GetValueOrDefault(AlertLabels.Camera) == camera.ToString());
    }

    [Fact]
    public async Task A_silence_made_at_the_front_mutes_a_cameras_alert_in_its_shard_until_it_expires()
    {
        var camera = Guid.NewGuid();
        await ShardOf(camera).ReportViolation(Violation(camera));
        var silence = new SilenceView(
            Guid.NewGuid().ToString("N"), [new MatcherView(AlertLabels.Camera, camera.ToString(), "=")],
            DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1), "operator-3", "roadworks", "");

        Assert.Empty(await Front.AddSilence(silence));
        var muted = Assert.Single(await ShardOf(camera).List(new AlertQuery(null, null, camera.ToString())));
        Assert.Equal($"silenced by {silence.Id}", muted.MutedBecause);

        Assert.True(await Front.ExpireSilence(silence.Id));
        var heard = Assert.Single(await ShardOf(camera).List(new AlertQuery(null, null, camera.ToString())));
        Assert.Null(heard.MutedBecause);
    }

    [Fact]
    public async Task Cameras_offline_across_shards_raise_one_citywide_outage_that_mutes_their_health_alerts()
    {
        var cameras = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        Assert.True(cameras.Select(c => AlertRouterKeys.ForCamera(c, NotifyOptions.DefaultShards)).Distinct().Count() > 1);
        foreach (var camera in cameras)
        {
            await ShardOf(camera).ReportCameraHealth(new CameraHealthSignal(camera, "Queens", CameraHealth.Offline, 20));
        }

        var outage = await EventuallyAsync(async () =>
            (await Front.List(new AlertQuery("firing", null, null))).SingleOrDefault(v => v.Name == AlertNames.CitywideCameraOutage));
        var healthAlerts = await EventuallyAsync(async () =>
        {
            var views = (await Task.WhenAll(cameras.Select(c => Front.List(new AlertQuery("firing", null, c.ToString()))))).SelectMany(v => v).ToList();
            return views.Count == cameras.Count && views.All(v => v.MutedBecause == $"inhibited by {outage.Id}") ? views : null;
        });
        Assert.All(healthAlerts, v => Assert.Equal(AlertNames.CameraOffline, v.Name));

        foreach (var camera in cameras)
        {
            await ShardOf(camera).ReportCameraHealth(new CameraHealthSignal(camera, "Queens", CameraHealth.Online, 20));
        }

        await EventuallyAsync(async () =>
            (await Front.List(new AlertQuery("resolved", null, null))).SingleOrDefault(v => v.Id == outage.Id));
    }

    private static (Guid A, Guid B) CamerasInTwoShards()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        while (AlertRouterKeys.ForCamera(b, NotifyOptions.DefaultShards) == AlertRouterKeys.ForCamera(a, NotifyOptions.DefaultShards))
        {
            b = Guid.NewGuid();
        }

        return (a, b);
    }

    private static ViolationAlertUpdate Violation(Guid camera) => new(
        $"{camera:N}:bike_lane_blocked:lane:{Guid.NewGuid():N}", camera, "Test Ave", "bike_lane_blocked", "lane", "Manhattan",
        0.7, ViolationTier.Medium, DateTimeOffset.UtcNow.AddMinutes(-1), null);

    /// <summary>Shard-to-front counts travel one-way, so what follows from them is waited for, within a bound.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not seen within {Patience}");
            await Task.Delay(100);
        }
    }
}
