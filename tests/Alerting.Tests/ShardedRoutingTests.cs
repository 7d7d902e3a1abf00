using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

/// <summary>The pure parts of the sharded routers: the outage decided from counts, inhibition by alerts held elsewhere.</summary>
public sealed class ShardedRoutingTests
{
    [Fact]
    public void The_front_raises_the_outage_from_the_cameras_the_shards_counted()
    {
        var front = new AlertingState
        {
            KnownCameraCount = 20,
            UnhealthyCamerasElsewhere = new Dictionary<string, int> { ["nyc-0"] = 3, ["nyc-5"] = 2 },
        };

        var planned = Make.Planner().Plan(front, Make.T0).State;

        var outage = Assert.Single(planned.Alerts);
        Assert.Equal(AlertNames.CitywideCameraOutage, outage.Label(AlertLabels.AlertName));
        Assert.Equal(AlertStatus.Firing, outage.Status);
        var recovered = Make.Planner().Plan(planned with { UnhealthyCamerasElsewhere = new Dictionary<string, int> { ["nyc-0"] = 3 } }, Make.T0.AddMinutes(1)).State;
        Assert.Equal(AlertStatus.Resolved, Assert.Single(recovered.Alerts).Status);
    }

    [Fact]
    public void A_shard_does_not_decide_the_outage_from_its_own_cameras()
    {
        var shard = new AlertingState { DetectsOutage = false, KnownCameraCount = 6 };
        for (var i = 0; i < 6; i++)
        {
            shard = shard.Upsert(SystemAlerts.Camera($"cam{i}", "Queens", CameraCondition.Offline, Make.T0), Make.T0);
        }

        var planned = Make.Planner().Plan(shard, Make.T0).State;

        Assert.Equal(6, planned.UnhealthyCameraCount);
        Assert.DoesNotContain(planned.Alerts, a => a.Label(AlertLabels.AlertName) == AlertNames.CitywideCameraOutage);
    }

    [Fact]
    public void An_outage_held_by_the_front_mutes_the_health_alerts_a_shard_holds_and_nothing_else()
    {
        var outage = SystemAlerts.CitywideOutage(9, 20, Make.T0);
        var offline = SystemAlerts.Camera("cam1", "Queens", CameraCondition.Offline, Make.T0);
        var violation = Make.Violation("cam2", confidence: 0.9);
        var shard = new AlertingState { DetectsOutage = false, Inhibitors = [outage] }
            .Upsert(offline, Make.T0)
            .Upsert(violation, Make.T0);
        var planner = Make.Planner();

        var muted = AlertSuppression.Compute(shard, planner.InhibitRules, Make.T0);
        var sent = planner.Plan(shard, Make.T0.AddMinutes(1)).Notifications;

        Assert.Equal($"inhibited by {outage.Fingerprint}", muted[offline.Fingerprint]);
        Assert.False(muted.ContainsKey(violation.Fingerprint));
        Assert.DoesNotContain(shard.Alerts, a => a.Fingerprint == outage.Fingerprint);
        Assert.All(sent, n => Assert.DoesNotContain(n.Alerts, a => a.Fingerprint == offline.Fingerprint || a.Fingerprint == outage.Fingerprint));
        Assert.Contains(sent, n => n.Alerts.Any(a => a.Fingerprint == violation.Fingerprint));

        var ended = shard with { Inhibitors = [outage with { EndsAt = Make.T0 }] };
        Assert.False(AlertSuppression.Compute(ended, planner.InhibitRules, Make.T0).ContainsKey(offline.Fingerprint));
    }
}
