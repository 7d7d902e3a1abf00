using static VibeCheck.Alerting.Tests.Support.Make;

namespace VibeCheck.Alerting.Tests;

public sealed class NotificationPlannerTests
{
    private readonly NotificationPlanner _planner = Planner();

    private (AlertingState State, IReadOnlyList<Notification> Sent) Run(AlertingState state, DateTimeOffset now)
    {
        var plan = _planner.Plan(state, now);
        return (plan.State, plan.Notifications);
    }

    [Fact]
    public void Medium_first_notification_waits_for_group_wait()
    {
        var state = new AlertingState().Upsert(Violation("cam1", tier: AlertTier.Medium), T0);

        var (s1, before) = Run(state, T0);
        var (_, at) = Run(s1, T0.AddSeconds(30));

        Assert.Empty(before);
        var n = Assert.Single(at);
        Assert.Equal(AlertStatus.Firing, n.Status);
        Assert.Equal(AlertTier.Medium, n.Tier);
        Assert.Equal(["webhook"], n.Channels);
        Assert.Equal("{}:{camera=\"cam1\", type=\"bike_lane_blocked\"}", n.GroupKey);
        Assert.Equal("vibecheck-1", n.Id);
    }

    [Fact]
    public void High_first_notification_goes_at_once_and_what_follows_keeps_the_group_interval()
    {
        var state = new AlertingState().Upsert(Violation("cam1", episode: "a"), T0);

        (state, var first) = Run(state, T0);
        state = state.Upsert(Violation("cam1", episode: "b"), T0.AddSeconds(10));
        (state, var second) = Run(state, T0.AddSeconds(10));
        (state, var atGroupWait) = Run(state, T0.AddSeconds(30));
        Assert.Equal(T0.AddMinutes(5), _planner.NextWakeUp(state, T0.AddSeconds(30)));
        var (_, atInterval) = Run(state, T0.AddMinutes(5));

        var n = Assert.Single(first);
        Assert.Equal(AlertTier.High, n.Tier);
        Assert.Equal(["webhook", "email", "slack", "sms"], n.Channels);
        Assert.Equal(T0, n.CreatedAt);
        Assert.Empty(second);
        Assert.Empty(atGroupWait);
        Assert.Equal(2, Assert.Single(atInterval, n => n.Kind == NotificationKind.Group).Alerts.Count);
    }

    [Fact]
    public void Medium_group_rising_to_high_during_group_wait_goes_at_once()
    {
        var medium = Violation("cam1", tier: AlertTier.Medium);
        var state = new AlertingState().Upsert(medium, T0);
        (state, var waiting) = Run(state, T0);
        state = state.Upsert(medium with { Tier = AlertTier.High }, T0.AddSeconds(12));

        var (_, sent) = Run(state, T0.AddSeconds(12));

        Assert.Empty(waiting);
        var n = Assert.Single(sent);
        Assert.Equal(AlertTier.High, n.Tier);
        Assert.Equal(T0.AddSeconds(12), n.CreatedAt);
    }

    [Fact]
    public void Muted_high_alert_does_not_skip_the_group_wait_of_a_medium_one()
    {
        var state = new AlertingState()
            .AddSilence(new Silence { Id = "s1", Matchers = [new LabelMatcher("episode", "cam1:bike_lane_blocked:b")], StartsAt = T0, EndsAt = T0.AddHours(1) })
            .Upsert(Violation("cam1", episode: "a", tier: AlertTier.Medium), T0)
            .Upsert(Violation("cam1", episode: "b"), T0);

        var (s1, before) = Run(state, T0);
        var (_, at) = Run(s1, T0.AddSeconds(30));

        Assert.Empty(before);
        Assert.Equal(AlertTier.Medium, Assert.Single(at).Tier);
    }

    [Fact]
    public void Alerts_arriving_during_group_wait_go_out_together()
    {
        var state = new AlertingState().Upsert(Violation("cam1", episode: "a", tier: AlertTier.Medium), T0);
        (state, _) = Run(state, T0);
        state = state.Upsert(Violation("cam1", episode: "b", tier: AlertTier.Medium), T0.AddSeconds(10));
        (state, _) = Run(state, T0.AddSeconds(10));

        var (_, sent) = Run(state, T0.AddSeconds(30));

        Assert.Equal(2, Assert.Single(sent).Alerts.Count);
    }

    [Fact]
    public void New_alert_in_a_notified_group_waits_for_group_interval()
    {
        var state = new AlertingState().Upsert(Violation("cam1", episode: "a", tier: AlertTier.Medium), T0);
        (state, _) = Run(state, T0);
        (state, var first) = Run(state, T0.AddSeconds(30));
        state = state.Upsert(Violation("cam1", episode: "b", tier: AlertTier.Medium), T0.AddMinutes(1));

        (state, var early) = Run(state, T0.AddMinutes(1));
        var (_, due) = Run(state, T0.AddSeconds(30) + TimeSpan.FromMinutes(5));

        Assert.Single(first);
        Assert.Empty(early);
        var n = Assert.Single(due, n => n.Kind == NotificationKind.Group);
        Assert.Equal(2, n.Alerts.Count);
    }

    [Fact]
    public void Unchanged_group_is_silent_until_repeat_interval()
    {
        var state = new AlertingState().Upsert(Violation("cam1"), T0);
        (state, _) = Run(state, T0.AddSeconds(30));
        var counts = new List<int>();
        for (var t = TimeSpan.FromMinutes(5); t <= TimeSpan.FromHours(4.1); t += TimeSpan.FromMinutes(5))
        {
            (state, var sent) = Run(state, T0.AddSeconds(30) + t);
            counts.Add(sent.Count(n => n.Kind == NotificationKind.Group));
        }

        Assert.Equal(1, counts.Sum());
        Assert.Equal(1, counts[(int)(TimeSpan.FromHours(4) / TimeSpan.FromMinutes(5)) - 1]);
    }

    [Fact]
    public void Acknowledged_alert_does_not_repeat()
    {
        var state = new AlertingState().Upsert(Violation("cam1", tier: AlertTier.Medium), T0);
        (state, _) = Run(state, T0.AddSeconds(30));
        state = state.Acknowledge(state.Alerts[0].Fingerprint, "ops", T0.AddMinutes(1))!;

        var (_, sent) = Run(state, T0.AddHours(5));

        Assert.Empty(sent);
    }

    [Fact]
    public void Resolved_alert_sends_a_resolved_notification_then_the_group_closes()
    {
        var alert = Violation("cam1");
        var state = new AlertingState().Upsert(alert, T0);
        (state, _) = Run(state, T0.AddSeconds(30));
        state = state.Resolve(alert.Fingerprint, T0.AddMinutes(2));

        (state, var sent) = Run(state, T0.AddMinutes(5).AddSeconds(30));
        var (after, later) = Run(state, T0.AddHours(5));

        var n = Assert.Single(sent);
        Assert.Equal(AlertStatus.Resolved, n.Status);
        Assert.Equal(T0.AddMinutes(2), Assert.Single(n.Alerts).EndsAt);
        Assert.Empty(later);
        Assert.Empty(after.Groups);
    }

    [Fact]
    public void Alert_resolved_before_group_wait_is_never_sent()
    {
        var alert = Violation("cam1", tier: AlertTier.Medium);
        var state = new AlertingState().Upsert(alert, T0);
        (state, _) = Run(state, T0);
        state = state.Resolve(alert.Fingerprint, T0.AddSeconds(5));

        var (end, sent) = Run(state, T0.AddSeconds(30));

        Assert.Empty(sent);
        Assert.Empty(end.Groups);
    }

    [Fact]
    public void Low_tier_is_recorded_but_not_sent()
    {
        var state = new AlertingState().Upsert(Violation("cam1", tier: AlertTier.Low), T0);

        var (end, sent) = Run(state, T0.AddMinutes(10));

        Assert.Empty(sent);
        Assert.Single(end.Alerts);
    }

    [Fact]
    public void Medium_goes_to_the_webhook_only_and_a_rise_to_high_notifies_again()
    {
        var medium = Violation("cam1", tier: AlertTier.Medium);
        var state = new AlertingState().Upsert(medium, T0);
        (state, var first) = Run(state, T0.AddSeconds(30));
        state = state.Upsert(medium with { Tier = AlertTier.High }, T0.AddMinutes(1));

        var (_, second) = Run(state, T0.AddMinutes(5).AddSeconds(30));

        Assert.Equal(["webhook"], Assert.Single(first).Channels);
        var n = Assert.Single(second);
        Assert.Equal(NotificationKind.Group, n.Kind);
        Assert.Equal(AlertTier.High, n.Tier);
        Assert.Contains("email", n.Channels);
    }

    public static TheoryData<string, LabelMatcher[], int, bool> SilenceCases => new()
    {
        { "by camera", [new LabelMatcher("camera", "cam1")], 60, true },
        { "by type", [new LabelMatcher("type", "bike_lane_blocked")], 60, true },
        { "by borough", [new LabelMatcher("borough", "Manhattan")], 60, true },
        { "by borough regex", [new LabelMatcher("borough", "Manhattan|Queens", MatchOperator.Regex)], 60, true },
        { "other camera", [new LabelMatcher("camera", "cam2")], 60, false },
        { "camera and wrong type", [new LabelMatcher("camera", "cam1"), new LabelMatcher("type", "bus_lane")], 60, false },
        { "expired", [new LabelMatcher("camera", "cam1")], 0, false },
    };

    [Theory]
    [MemberData(nameof(SilenceCases))]
    public void Silences_mute_matching_alerts_while_active(string name, LabelMatcher[] matchers, int minutes, bool muted)
    {
        Assert.NotEmpty(name);
        var state = new AlertingState()
            .AddSilence(new Silence { Id = "s1", Matchers = matchers, StartsAt = T0.AddMinutes(-1), EndsAt = T0.AddMinutes(minutes) })
            .Upsert(Violation("cam1"), T0);

        var (_, sent) = Run(state, T0.AddSeconds(30));

        Assert.Equal(muted, sent.Count == 0);
    }

    [Fact]
    public void Alert_fires_when_its_silence_ends()
    {
        var state = new AlertingState()
            .AddSilence(new Silence { Id = "s1", Matchers = [new LabelMatcher("camera", "cam1")], StartsAt = T0, EndsAt = T0.AddMinutes(10) })
            .Upsert(Violation("cam1"), T0);
        (state, var during) = Run(state, T0.AddMinutes(1));

        Assert.Equal(T0.AddMinutes(10), _planner.NextWakeUp(state, T0.AddMinutes(1)));
        var (_, after) = Run(state, T0.AddMinutes(10));

        Assert.Empty(during);
        Assert.Single(after);
    }

    [Theory]
    [InlineData(CameraCondition.Offline)]
    [InlineData(CameraCondition.Frozen)]
    [InlineData(CameraCondition.BeingServiced)]
    public void Unhealthy_camera_inhibits_its_own_violations_only(CameraCondition condition)
    {
        var state = new AlertingState { KnownCameraCount = 100 }
            .Upsert(SystemAlerts.Camera("cam1", "Manhattan", condition, T0), T0)
            .Upsert(Violation("cam1"), T0)
            .Upsert(Violation("cam2"), T0);

        var (_, sent) = Run(state, T0.AddSeconds(30));

        var cameras = sent.SelectMany(n => n.Alerts).Select(a => (a.Labels["alertname"], a.Labels["camera"])).ToList();
        Assert.DoesNotContain((AlertNames.Violation, "cam1"), cameras);
        Assert.Contains((AlertNames.Violation, "cam2"), cameras);
        Assert.Single(cameras, c => c.Item1 != AlertNames.Violation);
    }

    [Fact]
    public void Citywide_outage_raises_one_system_alert_instead_of_hundreds()
    {
        var state = new AlertingState { KnownCameraCount = 900 };
        for (var i = 0; i < 300; i++)
        {
            state = state.Upsert(SystemAlerts.Camera($"cam{i}", "Queens", CameraCondition.Offline, T0), T0)
                .Upsert(Violation($"cam{i}"), T0);
        }

        var (s1, sent) = Run(state, T0);
        var (s2, later) = Run(s1, T0.AddSeconds(30));

        Assert.Empty(later);
        var n = Assert.Single(sent);
        Assert.Equal(AlertNames.CitywideCameraOutage, Assert.Single(n.Alerts).Labels["alertname"]);
        Assert.Equal(AlertTier.High, n.Tier);

        foreach (var i in Enumerable.Range(0, 300))
        {
            s2 = s2.Resolve(SystemAlerts.Camera($"cam{i}", "Queens", CameraCondition.Offline, T0).Fingerprint, T0.AddMinutes(1));
        }

        var (_, recovered) = Run(s2, T0.AddMinutes(5).AddSeconds(30));
        var resolved = Assert.Single(recovered, r => r.Status == AlertStatus.Resolved);
        Assert.Equal(AlertNames.CitywideCameraOutage, resolved.Alerts[0].Labels["alertname"]);

        // The violations were muted, not gone: once the cameras are back they are still firing and are sent.
        Assert.Equal(300, recovered.Count(r => r.Status == AlertStatus.Firing && r.Alerts[0].Labels["alertname"] == AlertNames.Violation));
    }

    [Fact]
    public void Unacknowledged_high_alert_escalates_once_after_five_minutes()
    {
        var state = new AlertingState().Upsert(Violation("cam1"), T0);
        (state, _) = Run(state, T0.AddSeconds(30));

        (state, var before) = Run(state, T0.AddSeconds(30) + TimeSpan.FromMinutes(4));
        Assert.Equal(T0.AddSeconds(30) + TimeSpan.FromMinutes(5), _planner.NextWakeUp(state, T0.AddMinutes(4)));
        (state, var at) = Run(state, T0.AddSeconds(30) + TimeSpan.FromMinutes(5));
        var (_, later) = Run(state, T0.AddMinutes(30));

        Assert.DoesNotContain(before, n => n.Kind == NotificationKind.Escalation);
        var escalation = Assert.Single(at, n => n.Kind == NotificationKind.Escalation);
        Assert.Equal([ChannelNames.EscalationEmail, ChannelNames.Sms], escalation.Channels);
        Assert.Equal("true", escalation.Alerts[0].Annotations[AlertLabels.Escalated]);
        Assert.DoesNotContain(later, n => n.Kind == NotificationKind.Escalation);
    }

    [Theory]
    [InlineData(AlertTier.High, true, false)]
    [InlineData(AlertTier.High, false, true)]
    [InlineData(AlertTier.Medium, false, false)]
    public void Escalation_needs_high_and_unacknowledged(AlertTier tier, bool acknowledged, bool escalates)
    {
        var state = new AlertingState().Upsert(Violation("cam1", tier: tier), T0);
        (state, _) = Run(state, T0.AddSeconds(30));
        if (acknowledged)
        {
            state = state.Acknowledge(state.Alerts[0].Fingerprint, "ops", T0.AddMinutes(1))!;
        }

        var (_, sent) = Run(state, T0.AddMinutes(10));

        Assert.Equal(escalates, sent.Any(n => n.Kind == NotificationKind.Escalation));
    }

    [Fact]
    public void Grouping_by_borough_merges_cameras()
    {
        var byBorough = Planner(o => o.Notify.GroupBy = ["borough"]);
        var state = new AlertingState()
            .Upsert(Violation("cam1", tier: AlertTier.Medium), T0)
            .Upsert(Violation("cam2", type: "bus_lane", tier: AlertTier.Medium), T0)
            .Upsert(Violation("cam3", borough: "Bronx", tier: AlertTier.Medium), T0);

        var sent = byBorough.Plan(byBorough.Plan(state, T0).State, T0.AddSeconds(30)).Notifications;

        Assert.Equal([2, 1], sent.Select(n => n.Alerts.Count).OrderDescending());
        Assert.Contains(sent, n => n.GroupKey == "{}:{borough=\"Manhattan\"}");
    }

    [Fact]
    public void Unconfigured_channels_are_dropped_from_routes()
    {
        var webhookOnly = new NotificationPlanner(Options(), [ChannelNames.Webhook]);
        var state = new AlertingState().Upsert(Violation("cam1"), T0);

        var sent = webhookOnly.Plan(state, T0.AddSeconds(30)).Notifications;

        Assert.Equal([ChannelNames.Webhook], Assert.Single(sent).Channels);
    }

    [Fact]
    public void Notification_ids_are_never_reused()
    {
        var alert = Violation("cam1");
        var state = new AlertingState { Scope = "grain-7" }.Upsert(alert, T0);
        var ids = new List<string>();
        var now = T0;
        for (var i = 0; i < 6; i++)
        {
            state = i % 2 == 0 ? state.Upsert(alert, now) : state.Resolve(alert.Fingerprint, now);
            now = now.AddMinutes(6);
            var plan = _planner.Plan(state, now);
            state = plan.State;
            now = now.AddMinutes(6);
            plan = _planner.Plan(state, now);
            state = plan.State;
            ids.AddRange(plan.Notifications.Select(n => n.Id));
        }

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("grain-7-", id, StringComparison.Ordinal));
    }
}
