namespace VibeCheck.Grains.Cameras;

/// <summary>When a camera's first poll after an activation is due.</summary>
public static class PollSchedule
{
    /// <summary>Overdue cameras (their silo died) are spread over at most this, not over a whole poll interval.</summary>
    public static readonly TimeSpan OverdueSpread = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A camera never polled starts at a random point of <paramref name="jitter"/> × the period, so that a fresh
    /// cluster does not fetch ~950 images in the same second. A camera polled before keeps its cadence (the next poll
    /// one period after the last). One already overdue (re-activated after its silo died) polls within
    /// <see cref="OverdueSpread"/>: spreading it over a whole period would add up to that period (a minute by default)
    /// to its stop.
    /// </summary>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan FirstDue(DateTimeOffset? lastCheckedAt, DateTimeOffset now, TimeSpan period, double jitter, double random)
    {
        if (lastCheckedAt is not { } last)
        {
            return period * (random * jitter);
        }

        var next = last + period;
        if (next > now)
        {
            return next - now > period ? period : next - now;
        }

        return (period < OverdueSpread ? period : OverdueSpread) * (random * jitter);
    }
}
