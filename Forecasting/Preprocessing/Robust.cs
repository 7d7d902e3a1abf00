namespace VibeCheck.Forecasting.Preprocessing;

/// <summary>Median and median-absolute-deviation helpers.</summary>
internal static class Robust
{
    public static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        if (a.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(a);
        int mid = a.Length / 2;
        return a.Length % 2 == 1 ? a[mid] : 0.5 * (a[mid - 1] + a[mid]);
    }

    /// <summary>1.4826 · MAD, a standard deviation estimate that ignores outliers.</summary>
    public static double Sigma(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).ToArray();
        double med = Median(a);
        return 1.4826 * Median(a.Select(v => Math.Abs(v - med)));
    }
}
