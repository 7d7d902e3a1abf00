using VibeCheck.Grains.Cameras;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>The first poll after an activation: spread on a fresh start, on cadence normally, soon when overdue.</summary>
public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_camera_never_polled_starts_anywhere_in_the_jittered_period() =>
        Assert.Equal(TimeSpan.FromSeconds(45), PollSchedule.FirstDue(null, Now, Minute, jitter: 1.0, random: 0.75));

    [Fact]
    public void A_camera_polled_recently_keeps_its_cadence() =>
        Assert.Equal(TimeSpan.FromSeconds(40), PollSchedule.FirstDue(Now.AddSeconds(-20), Now, Minute, jitter: 1.0, random: 0.99));

    [Fact]
    public void An_overdue_camera_polls_within_the_overdue_spread_not_a_whole_period()
    {
        var due = PollSchedule.FirstDue(Now.AddSeconds(-75), Now, Minute, jitter: 1.0, random: 0.99);

        Assert.InRange(due, TimeSpan.Zero, PollSchedule.OverdueSpread);
        Assert.Equal(PollSchedule.OverdueSpread * 0.99, due);
    }

    [Fact]
    public void A_short_period_bounds_the_overdue_spread() =>
        Assert.Equal(TimeSpan.FromSeconds(0.5), PollSchedule.FirstDue(Now.AddSeconds(-10), Now, TimeSpan.FromSeconds(1), jitter: 1.0, random: 0.5));

    [Fact]
    public void A_last_poll_in_the_future_from_clock_skew_waits_no_more_than_one_period() =>
        Assert.Equal(Minute, PollSchedule.FirstDue(Now.AddSeconds(30), Now, Minute, jitter: 1.0, random: 0.5));
}
