namespace VibeCheck.Forecasting.Decomposition;

/// <summary>Classical moving-average decomposition, as R's <c>decompose()</c>.</summary>
public static class ClassicalDecomposition
{
    /// <summary>
    /// The seasonal indices of a multiplicative decomposition: index i applies to positions t with t mod m = i,
    /// normalised to mean 1. Positions are counted from the first observation, as R's <c>ts(x, frequency = m)</c>.
    /// </summary>
    public static double[] MultiplicativeIndices(ReadOnlySpan<double> y, int m)
    {
        int n = y.Length;
        var trend = CentredMovingAverage(y, m);
        var sums = new double[m];
        var counts = new int[m];
        for (int t = 0; t < n; t++)
        {
            if (!double.IsNaN(trend[t]))
            {
                sums[t % m] += y[t] / trend[t];
                counts[t % m]++;
            }
        }

        var figure = new double[m];
        for (int i = 0; i < m; i++)
        {
            figure[i] = sums[i] / counts[i];
        }

        double mean = figure.Average();
        for (int i = 0; i < m; i++)
        {
            figure[i] /= mean;
        }

        return figure;
    }

    /// <summary>R's <c>filter(x, c(0.5, rep(1, m − 1), 0.5)/m)</c> for even m, or the plain m-term average for odd m; NaN at the ends.</summary>
    public static double[] CentredMovingAverage(ReadOnlySpan<double> y, int m)
    {
        int n = y.Length;
        var result = new double[n];
        Array.Fill(result, double.NaN);
        if (m % 2 == 0)
        {
            int half = m / 2;
            for (int t = half; t < n - half; t++)
            {
                double s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = t - half + 1; j < t + half; j++)
                {
                    s += y[j];
                }

                result[t] = s / m;
            }
        }
        else
        {
            int half = m / 2;
            for (int t = half; t < n - half; t++)
            {
                double s = 0;
                for (int j = t - half; j <= t + half; j++)
                {
                    s += y[j];
                }

                result[t] = s / m;
            }
        }

        return result;
    }
}
