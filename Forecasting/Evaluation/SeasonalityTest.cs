namespace VibeCheck.Forecasting.Evaluation;

/// <summary>The M4 competition's seasonality test: the lag-m autocorrelation exceeds its 90% limit.</summary>
public static class SeasonalityTest
{
    /// <summary>True when <paramref name="y"/> (at least 3 cycles long) is seasonal with period <paramref name="m"/>.</summary>
    public static bool IsSeasonal(ReadOnlySpan<double> y, int m)
    {
        int n = y.Length;
        if (m <= 1 || n < 3 * m)
        {
            return false;
        }

        double mean = 0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= n;
        double denom = 0;
        foreach (var v in y)
        {
            denom += (v - mean) * (v - mean);
        }

        if (denom == 0)
        {
            return false;
        }

        double cum = 1;
        for (int k = 1; k < m; k++)
        {
            double r = Acf(y, mean, denom, k);
            cum += 2 * r * r;
        }

        double limit = 1.645 / Math.Sqrt(n) * Math.Sqrt(cum);
        return Math.Abs(Acf(y, mean, denom, m)) > limit;
    }

    private static double Acf(ReadOnlySpan<double> y, double mean, double denom, int k)
    {
        double s = 0;
        for (int t = 0; t + k < y.Length; t++)
        {
            s += (y[t] - mean) * (y[t + k] - mean);
        }

        return s / denom;
    }
}
