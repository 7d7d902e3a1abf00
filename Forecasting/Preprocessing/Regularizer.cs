namespace VibeCheck.Forecasting.Preprocessing;

/// <summary>Puts irregular observations on a fixed grid: sorts, averages duplicates per bucket, interpolates short gaps.</summary>
public static class Regularizer
{
    /// <summary>Regularises <paramref name="points"/>; non-finite values are ignored.</summary>
    /// <param name="points">Observations in any order.</param>
    /// <param name="step">Bucket width; buckets are aligned to multiples of it since the Unix epoch.</param>
    /// <param name="maxInterpolatedGap">Runs of at most this many empty buckets are interpolated linearly.</param>
    public static RegularSeries Regularize(IReadOnlyList<TimePoint> points, TimeSpan step, int maxInterpolatedGap)
    {
        long stepTicks = step.Ticks;
        var buckets = new Dictionary<long, (double Sum, int Count)>();
        long first = long.MaxValue, last = long.MinValue;
        foreach (var p in points)
        {
            if (!double.IsFinite(p.Value))
            {
                continue;
            }

            long b = FloorDiv(p.Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, stepTicks);
            buckets[b] = buckets.TryGetValue(b, out var acc) ? (acc.Sum + p.Value, acc.Count + 1) : (p.Value, 1);
            first = Math.Min(first, b);
            last = Math.Max(last, b);
        }

        if (buckets.Count == 0)
        {
            return new RegularSeries(DateTimeOffset.UnixEpoch, step, [], []);
        }

        int n = checked((int)(last - first + 1));
        var values = new double[n];
        var observed = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (buckets.TryGetValue(first + i, out var acc))
            {
                values[i] = acc.Sum / acc.Count;
                observed[i] = true;
            }
            else
            {
                values[i] = double.NaN;
            }
        }

        InterpolateShortGaps(values, maxInterpolatedGap);
        var start = DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(first * stepTicks);
        return new RegularSeries(start, step, values, observed);
    }

    private static void InterpolateShortGaps(double[] values, int maxGap)
    {
        int i = 0;
        while (i < values.Length)
        {
            if (!double.IsNaN(values[i]))
            {
                i++;
                continue;
            }

            int startGap = i;
            while (i < values.Length && double.IsNaN(values[i]))
            {
                i++;
            }

            int length = i - startGap;
            if (length <= maxGap && startGap > 0 && i < values.Length)
            {
                double a = values[startGap - 1], b = values[i];
                for (int k = 0; k < length; k++)
                {
                    values[startGap + k] = a + (b - a) * (k + 1) / (length + 1);
                }
            }
        }
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
