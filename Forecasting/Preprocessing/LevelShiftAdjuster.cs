namespace VibeCheck.Forecasting.Preprocessing;

/// <summary>
/// Finds lasting step changes in a seasonally adjusted series (a jump between the medians of the windows
/// before and after a point, large against the step-to-step noise) and returns the offsets that bring the
/// history before each change to the level after it.
/// </summary>
internal static class LevelShiftAdjuster
{
    public static double[] Offsets(double[] adjusted, int window, double threshold = 8.0, int maxShifts = 2)
    {
        int n = adjusted.Length;
        var offsets = new double[n];
        if (window < 4 || n < 4 * window)
        {
            return offsets;
        }

        var a = (double[])adjusted.Clone();
        var diffs = new double[n - 1];
        for (int t = 1; t < n; t++)
        {
            diffs[t - 1] = a[t] - a[t - 1];
        }

        double noise = Robust.Sigma(diffs) / Math.Sqrt(2);
        if (!(noise > 0))
        {
            return offsets;
        }

        int stride = Math.Max(1, window / 8);
        for (int s = 0; s < maxShifts; s++)
        {
            int bestT = -1;
            double bestJump = 0;
            for (int t = window; t <= n - window; t += stride)
            {
                double jump = Robust.Median(a.AsSpan(t, window).ToArray()) - Robust.Median(a.AsSpan(t - window, window).ToArray());
                if (Math.Abs(jump) > Math.Abs(bestJump))
                {
                    bestJump = jump;
                    bestT = t;
                }
            }

            // A trend also moves window medians; require the jump to dwarf both the noise and the drift over one window.
            double drift = Math.Abs(Robust.Median(a.AsSpan(n - window, window).ToArray()) - Robust.Median(a.AsSpan(0, window).ToArray()))
                * window / n;
            if (bestT < 0 || Math.Abs(bestJump) < threshold * noise || Math.Abs(bestJump) < 4 * drift)
            {
                break;
            }

            for (int t = 0; t < bestT; t++)
            {
                a[t] += bestJump;
                offsets[t] += bestJump;
            }
        }

        return offsets;
    }
}
