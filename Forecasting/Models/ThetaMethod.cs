namespace VibeCheck.Forecasting.Models;

/// <summary>
/// The standard Theta method (Assimakopoulos and Nikolopoulos 2000), in Hyndman and Billah's form: simple
/// exponential smoothing with drift equal to half the slope of the linear trend.
/// </summary>
public static class ThetaMethod
{
    /// <summary>Forecasts <paramref name="horizon"/> steps of a (seasonally adjusted) series.</summary>
    public static ModelForecast Forecast(ReadOnlySpan<double> y, int horizon)
    {
        int n = y.Length;
        var data = y.ToArray();
        double slope = LinearSlope(data);
        var ses = EtsFitter.Fit(data, new EtsSpec(false, false, 0));
        double alpha = ses.Parameters.Alpha;
        var f = ses.Forecast(horizon);
        var mean = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            double drift = 0.5 * slope * (h - 1 + 1 / alpha - Math.Pow(1 - alpha, n) / alpha);
            mean[h - 1] = f.Mean[h - 1] + drift;
        }

        return new ModelForecast("Theta", mean, f.StdDev);
    }

    internal static double LinearSlope(double[] y)
    {
        int n = y.Length;
        if (n < 2)
        {
            return 0;
        }

        double mx = (n - 1) / 2.0, my = y.Average(), sxy = 0, sxx = 0;
        for (int t = 0; t < n; t++)
        {
            sxy += (t - mx) * (y[t] - my);
            sxx += (t - mx) * (t - mx);
        }

        return sxy / sxx;
    }
}
