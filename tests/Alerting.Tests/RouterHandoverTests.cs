using Newtonsoft.Json;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

/// <summary>The single router's camera alerts moving to their shards when sharding is turned on.</summary>
public sealed class RouterHandoverTests
{
    private static readonly Func<string, string?> TwoShards = camera => camera switch
    {
        "cam1" => "nyc-1",
        "cam2" => "nyc-2",
        _ => null,
    };

    [Fact]
    public void Cameras_alerts_and_groups_move_to_their_holders_and_system_alerts_stay()
    {
        var planner = Make.Planner();
        var state = new AlertingState()
            .Upsert(Make.Violation("cam1"), Make.T0)
            .Upsert(Make.Violation("cam2"), Make.T0)
            .Upsert(SystemAlerts.RedisUnreachable("refused", Make.T0), Make.T0);
        state = planner.Plan(state, Make.T0.AddMinutes(1)).State;

        var (kept, moved) = RouterHandover.Split(state, TwoShards);

        Assert.Equal(AlertNames.RedisUnreachable, Assert.Single(kept.Alerts).Label(AlertLabels.AlertName));
        Assert.Equal("", Assert.Single(kept.Groups).GroupLabels.GetValueOrDefault(AlertLabels.Camera, ""));
        Assert.Equal(["nyc-1", "nyc-2"], moved.Keys.Order());
        Assert.Equal("cam1", Assert.Single(moved["nyc-1"].Alerts).Label(AlertLabels.Camera));
        Assert.Equal("cam1", Assert.Single(moved["nyc-1"].Groups).GroupLabels[AlertLabels.Camera]);
        Assert.NotNull(moved["nyc-1"].Groups[0].LastNotifiedAt);
        Assert.Same(state, RouterHandover.Split(state, _ => null).Kept);
    }

    [Fact]
    public void A_shard_that_adopted_the_notified_alert_sends_its_resolution()
    {
        var planner = Make.Planner();
        var single = planner.Plan(new AlertingState().Upsert(Make.Violation("cam1"), Make.T0), Make.T0.AddMinutes(1));
        Assert.NotEmpty(single.Notifications);
        var (_, moved) = RouterHandover.Split(single.State, TwoShards);
        var json = JsonConvert.SerializeObject(moved["nyc-1"]);

        var shard = RouterHandover.Adopt(new AlertingState { Scope = "vibecheck-nyc-1", DetectsOutage = false }, JsonConvert.DeserializeObject<AlertingState>(json)!);
        var again = RouterHandover.Adopt(shard, JsonConvert.DeserializeObject<AlertingState>(json)!);
        var later = Make.T0.AddMinutes(10);
        var resolved = planner.Plan(shard.Resolve(shard.Alerts[0].Fingerprint, later), later);

        Assert.Equal(JsonConvert.SerializeObject(shard), JsonConvert.SerializeObject(again));
        var notice = Assert.Single(resolved.Notifications, n => n.Status == AlertStatus.Resolved);
        Assert.Equal(shard.Alerts[0].Fingerprint, Assert.Single(notice.Alerts).Fingerprint);
        Assert.StartsWith("vibecheck-nyc-1-", notice.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void The_newer_copy_of_an_alert_wins_whichever_router_held_it()
    {
        var firing = new AlertingState().Upsert(Make.Violation("cam1"), Make.T0);
        var fingerprint = firing.Alerts[0].Fingerprint;
        var resolved = firing.Resolve(fingerprint, Make.T0.AddMinutes(2));

        Assert.Equal(AlertStatus.Resolved, RouterHandover.Adopt(firing, resolved).Find(fingerprint)!.Status);
        Assert.Equal(AlertStatus.Resolved, RouterHandover.Adopt(resolved, firing).Find(fingerprint)!.Status);
    }
}
