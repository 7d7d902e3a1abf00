using System.Security.Cryptography;
using System.Text;

namespace VibeCheck.Alerting;

/// <summary>
/// Exponential backoff with jitter. The jitter is derived from the idempotency key and the attempt, so the
/// schedule is reproducible (pure), yet items that failed together spread out.
/// </summary>
public static class RetrySchedule
{
    /// <summary>Delay after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Delay(int attempt, string idempotencyKey, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var baseTicks = Math.Min(options.InitialBackoff.Ticks * Math.Pow(2, exponent), options.MaxBackoff.Ticks);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}#{attempt}"));
        var unit = BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
        var factor = 1 + (options.JitterFactor * ((2 * unit) - 1));
        return TimeSpan.FromTicks((long)Math.Min(baseTicks * factor, options.MaxBackoff.Ticks));
    }
}
