using VibeCheck.Forecasting.Decomposition;

namespace VibeCheck.Forecasting.Evaluation;

/// <summary>The M4 competition's reference forecasts.</summary>
public static class Benchmarks
{
    /// <summary>Naive2: the last value of the seasonally adjusted series, re-seasonalised (multiplicative, classical).</summary>
    public static double[] Naive2(ReadOnlySpan<double> y, int horizon, int m)
    {
        int n = y.Length;
        var forecast = new double[horizon];
        if (SeasonalityTest.IsSeasonal(y, m))
        {
            var figure = ClassicalDecomposition.MultiplicativeIndices(y, m);
            double last = y[n - 1] / figure[(n - 1) % m];
            for (int h = 1; h <= horizon; h++)
            {
                forecast[h - 1] = last * figure[(n - 1 + h) % m];
            }
        }
        else
        {
            Array.Fill(forecast, y[n - 1]);
        }

        return forecast;
    }

    /// <summary>Seasonal naive: the value one period earlier.</summary>
    public static double[] SeasonalNaive(ReadOnlySpan<double> y, int horizon, int m)
    {
        int n = y.Length;
        var forecast = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            int back = m * (((h - 1) / m) + 1);
            forecast[h - 1] = n - back + h - 1 >= 0 ? y[n - back + h - 1] : y[n - 1];
        }

        return forecast;
    }
}
