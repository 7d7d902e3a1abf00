namespace VibeCheck.Alerting;

/// <summary>
/// At most a number of sends within a sliding window. A send reserves its slot before it starts, so concurrent
/// sends cannot overshoot, and gives it back when it failed, so retries of an undelivered message do not use
/// up the recipient's allowance. In memory: the alert router is one grain, so one process holds the count; a move
/// of that grain to another silo starts the count afresh.
/// </summary>
/// <param name="limit">Sends allowed within <paramref name="window"/>.</param>
/// <param name="window">Length of the sliding window.</param>
/// <param name="time">Clock.</param>
public sealed class SendRateLimit(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, DateTimeOffset> _reservedAt = [];
    private long _lastSlot;

    /// <summary>Sends allowed within <see cref="Window"/>.</summary>
    public int Limit => limit;

    /// <summary>Length of the sliding window.</summary>
    public TimeSpan Window => window;

    /// <summary>Reserves a slot, or returns null when <see cref="Limit"/> sends are already in the window.</summary>
    public long? TryReserve()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var expired in _reservedAt.Where(r => r.Value + window <= now).Select(r => r.Key).ToList())
            {
                _reservedAt.Remove(expired);
            }

            if (_reservedAt.Count >= limit)
            {
                return null;
            }

            _reservedAt[++_lastSlot] = now;
            return _lastSlot;
        }
    }

    /// <summary>Gives a reserved slot back (the send failed).</summary>
    public void Release(long slot)
    {
        lock (_gate)
        {
            _reservedAt.Remove(slot);
        }
    }
}
