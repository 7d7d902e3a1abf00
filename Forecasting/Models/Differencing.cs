namespace VibeCheck.Forecasting.Models;

/// <summary>Differencing, its inverse, and the AR polynomial of an integrated model.</summary>
internal static class Differencing
{
    public static double[] Difference(double[] y, int d)
    {
        var x = y;
        for (int k = 0; k < d; k++)
        {
            var next = new double[Math.Max(0, x.Length - 1)];
            for (int t = 1; t < x.Length; t++)
            {
                next[t - 1] = x[t] - x[t - 1];
            }

            x = next;
        }

        return x;
    }

    /// <summary>Turns forecasts of the d-times differenced series back into levels.</summary>
    public static double[] Integrate(double[] history, double[] diffForecast, int d)
    {
        if (d == 0)
        {
            return diffForecast;
        }

        // Last values of each differencing level.
        var levels = new double[d];
        var x = history;
        for (int k = 0; k < d; k++)
        {
            levels[k] = x[^1];
            x = Difference(x, 1);
        }

        var f = (double[])diffForecast.Clone();
        for (int k = d - 1; k >= 0; k--)
        {
            double last = levels[k];
            for (int h = 0; h < f.Length; h++)
            {
                last += f[h];
                f[h] = last;
            }
        }

        return f;
    }

    /// <summary>Coefficients of φ(B)(1−B)^d written as 1 − Σ c_i B^i, returning c.</summary>
    public static double[] ExpandAr(double[] ar, int d)
    {
        // poly = 1 - sum ar_i B^i
        var poly = new double[ar.Length + 1];
        poly[0] = 1;
        for (int i = 0; i < ar.Length; i++)
        {
            poly[i + 1] = -ar[i];
        }

        for (int k = 0; k < d; k++)
        {
            var next = new double[poly.Length + 1];
            for (int i = 0; i < poly.Length; i++)
            {
                next[i] += poly[i];
                next[i + 1] -= poly[i];
            }

            poly = next;
        }

        var c = new double[poly.Length - 1];
        for (int i = 1; i < poly.Length; i++)
        {
            c[i - 1] = -poly[i];
        }

        return c;
    }
}
