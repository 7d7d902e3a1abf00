namespace VibeCheck.Forecasting.Evaluation;

/// <summary>Point-forecast errors as the M4 competition computed them.</summary>
public static class Accuracy
{
    /// <summary>Symmetric MAPE in percent: mean of 200·|y − f| / (|y| + |f|).</summary>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double s = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double denom = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            s += denom == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denom;
        }

        return s / actual.Length;
    }

    /// <summary>In-sample mean absolute seasonal difference, the MASE scale.</summary>
    public static double MaseScale(ReadOnlySpan<double> insample, int m)
    {
        int lag = Math.Max(1, m);
        double s = 0;
        int count = 0;
        for (int t = lag; t < insample.Length; t++)
        {
            if (double.IsFinite(insample[t]) && double.IsFinite(insample[t - lag]))
            {
                s += Math.Abs(insample[t] - insample[t - lag]);
                count++;
            }
        }

        return count == 0 ? double.NaN : s / count;
    }

    /// <summary>Mean absolute scaled error: mean |y − f| over the in-sample seasonal naive MAE.</summary>
    public static double Mase(ReadOnlySpan<double> insample, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, int m) =>
        MeanAbsoluteError(actual, forecast) / MaseScale(insample, m);

    /// <summary>Mean absolute error.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        double s = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            s += Math.Abs(actual[i] - forecast[i]);
        }

        return s / actual.Length;
    }

    /// <summary>Overall weighted average: the mean of sMAPE and MASE, each relative to Naive2's.</summary>
    public static double Owa(double smape, double mase, double smapeNaive2, double maseNaive2) =>
        (smape / smapeNaive2 + mase / maseNaive2) / 2;
}
