using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class SystemAlertTests
{
    [Theory]
    [InlineData("1111", false)]
    [InlineData("0111", false)]
    [InlineData("11111", true)]
    [InlineData("111101", false)]
    [InlineData("111111011111", true)]
    [InlineData("1111110", false)]
    public void Breach_fires_only_after_holding_for_the_window(string samples, bool firing)
    {
        var condition = new SustainedCondition();
        for (var i = 0; i < samples.Length; i++)
        {
            condition = condition.Observe(samples[i] == '1', Make.T0.AddMinutes(i), TimeSpan.FromMinutes(4));
        }

        Assert.Equal(firing, condition.Firing);
    }

    [Theory]
    [InlineData(600, 500, AlertTier.Medium)]
    [InlineData(1000, 500, AlertTier.High)]
    public void Performance_alert_tier_follows_the_overshoot(double value, double threshold, AlertTier tier)
    {
        var alert = SystemAlerts.PerformanceDegraded("latency_p95_ms", value, threshold, TimeSpan.FromMinutes(5), Make.T0);

        Assert.Equal(tier, alert.Tier);
        Assert.Equal(SystemAlerts.PerformanceType, alert.Label(AlertLabels.Type));
        Assert.Equal("latency_p95_ms", alert.Label("metric"));
    }

    [Fact]
    public void System_alerts_have_stable_identities_and_their_own_groups()
    {
        var planner = Make.Planner();
        var state = new AlertingState()
            .Upsert(SystemAlerts.RedisUnreachable("connection refused", Make.T0), Make.T0)
            .Upsert(SystemAlerts.RedisUnreachable("timeout", Make.T0.AddMinutes(1)), Make.T0.AddMinutes(1))
            .Upsert(SystemAlerts.RedisSlow(TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(200), Make.T0), Make.T0)
            .Upsert(SystemAlerts.PerformanceDegraded("error_rate", 0.2, 0.05, TimeSpan.FromMinutes(5), Make.T0), Make.T0);

        var sent = planner.Plan(state, Make.T0.AddMinutes(1)).Notifications;

        Assert.Equal(3, state.Alerts.Count);
        Assert.Equal("timeout", state.Alerts[0].Annotations[AlertLabels.Summary].Split(": ")[1]);
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, n => n.GroupLabels["type"] == SystemAlerts.RedisType && n.Alerts.Count == 2 && n.Tier == AlertTier.High);
        Assert.Contains(sent, n => n.GroupLabels["type"] == SystemAlerts.PerformanceType && n.Tier == AlertTier.High);
    }

    [Fact]
    public void Test_alert_of_each_tier_routes_to_that_tiers_channels()
    {
        var planner = Make.Planner();
        var high = planner.SendNow(new AlertingState(), SystemAlerts.Test(AlertTier.High, "t1", Make.T0), Make.T0);
        var medium = planner.SendNow(high.State, SystemAlerts.Test(AlertTier.Medium, "t2", Make.T0), Make.T0);

        Assert.Equal(["webhook", "email", "slack", "sms"], Assert.Single(high.Notifications).Channels);
        Assert.Equal(["webhook"], Assert.Single(medium.Notifications).Channels);
        Assert.Equal("vibecheck-2", medium.Notifications[0].Id);
        Assert.Empty(medium.State.Alerts);
    }
}
