using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;
using Xunit.Abstractions;

namespace VibeCheck.Alerting.Tests;

public sealed class FlappingAndReplayTests(ITestOutputHelper output)
{
    [Fact]
    public void Flapping_episode_does_not_flood()
    {
        var clock = new FakeTimeProvider(Make.T0);
        var planner = Make.Planner();
        var alert = Make.Violation("cam1");
        var state = new AlertingState();
        var sent = new List<Notification>();
        var changes = 0;

        // For an hour the episode flips between firing and resolved after 10 to 90 s each time; the grain plans every 10 s.
        var random = new Random(7);
        var firing = false;
        var nextFlip = 0;
        for (var tick = 0; tick < 360; tick++)
        {
            if (tick == nextFlip)
            {
                firing = !firing;
                state = firing ? state.Upsert(alert, clock.GetUtcNow()) : state.Resolve(alert.Fingerprint, clock.GetUtcNow());
                changes++;
                nextFlip = tick + 1 + random.Next(9);
            }

            var plan = planner.Plan(state, clock.GetUtcNow());
            state = plan.State;
            sent.AddRange(plan.Notifications);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var groupNotifications = sent.Count(n => n.Kind == NotificationKind.Group);
        output.WriteLine($"state changes: {changes}, group notifications: {groupNotifications}, escalations: {sent.Count - groupNotifications}");
        Assert.True(changes > 60, $"only {changes} flips");
        Assert.InRange(groupNotifications, 1, 1 + (int)(TimeSpan.FromHours(1) / TimeSpan.FromMinutes(5)));
        Assert.True(sent.Count(n => n.Kind == NotificationKind.Escalation) <= 1);
    }

    [Fact]
    public void Replayed_episode_stream_counts_with_and_without_grouping()
    {
        var grouped = Replay(Make.Planner());
        var ungrouped = Replay(Make.Planner(o => o.Notify.GroupBy = [AlertLabels.Episode]));
        var events = ReplayEvents().Count();

        output.WriteLine($"episode events: {events}, notifications grouped by camera+type: {grouped}, one group per episode: {ungrouped}");
        Assert.True(grouped < ungrouped, $"grouped {grouped} should be below ungrouped {ungrouped}");
        Assert.True(ungrouped <= events);
    }

    private static int Replay(NotificationPlanner planner)
    {
        var clock = new FakeTimeProvider(Make.T0);
        var state = new AlertingState();
        var events = ReplayEvents().ToLookup(e => e.At);
        var count = 0;
        for (var minute = 0; minute <= 240; minute++)
        {
            var now = clock.GetUtcNow();
            foreach (var (_, alert, open) in events[minute])
            {
                state = open ? state.Upsert(alert, now) : state.Resolve(alert.Fingerprint, now);
            }

            var plan = planner.Plan(state, now);
            state = plan.State;
            count += plan.Notifications.Count(n => n.Kind == NotificationKind.Group);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return count;
    }

    /// <summary>A deterministic replay: 8 cameras, 2 violation types, 120 short episodes over 3 hours (minute, alert, open?).</summary>
    private static IEnumerable<(int At, Alert Alert, bool Open)> ReplayEvents()
    {
        var random = new Random(42);
        for (var i = 0; i < 120; i++)
        {
            var camera = $"cam{random.Next(8)}";
            var type = random.Next(2) == 0 ? "bike_lane_blocked" : "bus_lane_blocked";
            var start = random.Next(180);
            var duration = 1 + random.Next(6);
            var alert = Make.Violation(camera, type, AlertTier.Medium, episode: $"ep{i}");
            yield return (start, alert, true);
            yield return (start + duration, alert, false);
        }
    }
}
