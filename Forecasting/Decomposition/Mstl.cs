namespace VibeCheck.Forecasting.Decomposition;

/// <summary>
/// Multiple seasonal-trend decomposition by loess (Bandara, Hyndman and Bergmeir 2021), as statsmodels'
/// <c>MSTL</c>: STL is applied to each period in turn, shortest first, and the cycle is repeated.
/// </summary>
public static class Mstl
{
    /// <summary>Decomposes <paramref name="y"/>; periods longer than half the series are dropped.</summary>
    /// <param name="y">Series without missing values.</param>
    /// <param name="periods">Seasonal periods in steps.</param>
    /// <param name="iterations">Passes over the periods (statsmodels default 2).</param>
    /// <param name="robust">Use STL's robustness weights.</param>
    /// <param name="seasonalDegree">Degree of the seasonal loess (statsmodels: 1).</param>
    /// <param name="windowBase">Seasonal window of period i (1-based) is windowBase + 4i (statsmodels: 7).</param>
    public static MstlResult Decompose(ReadOnlySpan<double> y, IReadOnlyList<int> periods, int iterations = 2, bool robust = false, int seasonalDegree = 1, int windowBase = 7)
    {
        int n = y.Length;
        var usable = periods.Where(p => p >= 2 && 2 * p <= n).Distinct().Order().ToArray();
        var deseason = y.ToArray();
        if (usable.Length == 0)
        {
            var trendOnly = SmoothTrend(deseason);
            var resid = new double[n];
            for (int i = 0; i < n; i++)
            {
                resid[i] = deseason[i] - trendOnly[i];
            }

            return new MstlResult(usable, trendOnly, [], resid);
        }

        var seasonal = new double[usable.Length][];
        for (int i = 0; i < usable.Length; i++)
        {
            seasonal[i] = new double[n];
        }

        int passes = usable.Length == 1 ? 1 : iterations;
        StlResult? last = null;
        for (int it = 0; it < passes; it++)
        {
            for (int i = 0; i < usable.Length; i++)
            {
                for (int t = 0; t < n; t++)
                {
                    deseason[t] += seasonal[i][t];
                }

                var options = new StlOptions(usable[i], Seasonal: windowBase + 4 * (i + 1)) { SeasonalDegree = seasonalDegree };
                options = robust ? options with { InnerIterations = 1, OuterIterations = 5 } : options;
                last = Stl.Decompose(deseason, options);
                seasonal[i] = last.Seasonal;
                for (int t = 0; t < n; t++)
                {
                    deseason[t] -= seasonal[i][t];
                }
            }
        }

        var trend = last!.Trend;
        var residual = new double[n];
        for (int t = 0; t < n; t++)
        {
            residual[t] = deseason[t] - trend[t];
        }

        return new MstlResult(usable, trend, seasonal, residual);
    }

    private static double[] SmoothTrend(double[] y)
    {
        int n = y.Length;
        if (n < 7)
        {
            double mean = y.Length == 0 ? 0 : y.Average();
            return Enumerable.Repeat(mean, n).ToArray();
        }

        int len = Math.Min(n, 25) | 1;
        var trend = new double[n];
        int half = len / 2;
        for (int t = 0; t < n; t++)
        {
            int lo = Math.Max(0, t - half), hi = Math.Min(n - 1, t + half);
            double s = 0;
            for (int j = lo; j <= hi; j++)
            {
                s += y[j];
            }

            trend[t] = s / (hi - lo + 1);
        }

        return trend;
    }
}
