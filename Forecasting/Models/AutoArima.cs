namespace VibeCheck.Forecasting.Models;

/// <summary>
/// Automatic non-seasonal ARIMA in the manner of Hyndman and Khandakar (2008): d by repeated KPSS tests,
/// then a stepwise search over (p, q) minimising AICc; parameters by conditional sum of squares, kept
/// stationary and invertible through the partial-autocorrelation parameterisation.
/// </summary>
public static class AutoArima
{
    /// <summary>Fits the automatically chosen model to <paramref name="y"/>.</summary>
    public static ArimaModel Fit(ReadOnlySpan<double> y, int maxP = 3, int maxQ = 3, int maxD = 2)
    {
        var data = y.ToArray();
        int d = 0;
        var w = data;
        while (d < maxD && w.Length > 10 && Kpss(w) > 0.463)
        {
            d++;
            w = Differencing.Difference(data, d);
        }

        bool constant = d == 0 || (d == 1 && SignificantMean(w));
        var cache = new Dictionary<(int, int), ArimaModel>();
        ArimaModel Get(int p, int q)
        {
            if (!cache.TryGetValue((p, q), out var model))
            {
                model = FitOrder(data, p, d, q, constant);
                cache[(p, q)] = model;
            }

            return model;
        }

        ArimaModel best = Get(0, 0);
        foreach (var (p, q) in new[] { (2, 2), (1, 0), (0, 1) })
        {
            if (p <= maxP && q <= maxQ)
            {
                var m = Get(p, q);
                if (m.Aicc < best.Aicc)
                {
                    best = m;
                }
            }
        }

        bool improved = true;
        int rounds = 0;
        while (improved && rounds++ < 20)
        {
            improved = false;
            foreach (var (dp, dq) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1) })
            {
                int p = best.P + dp, q = best.Q + dq;
                if (p < 0 || q < 0 || p > maxP || q > maxQ)
                {
                    continue;
                }

                var m = Get(p, q);
                if (m.Aicc < best.Aicc - 1e-9)
                {
                    best = m;
                    improved = true;
                }
            }
        }

        return best;
    }

    /// <summary>Fits ARIMA(p,d,q) by conditional sum of squares.</summary>
    public static ArimaModel FitOrder(double[] y, int p, int d, int q, bool constant)
    {
        var w = Differencing.Difference(y, d);
        int n = w.Length;
        double mean = constant ? w.Average() : 0;
        int dims = p + q + (constant ? 1 : 0);
        var ar = new double[p];
        var ma = new double[q];
        var e = new double[n];
        double scale = Math.Max(1e-9, EtsFitter.StdDev(w));

        double Css(double[] x)
        {
            Transform(x, 0, p, ar, false);
            Transform(x, p, q, ma, true);
            double mu = constant ? mean + x[p + q] * scale : 0;
            return SumOfSquares(w, ar, ma, mu, e);
        }

        double[] best = new double[dims];
        if (dims > 0)
        {
            var step = Enumerable.Repeat(0.3, dims).ToArray();
            if (constant)
            {
                step[^1] = 0.1;
            }

            best = NelderMead.Minimize(Css, new double[dims], step, maxEvaluations: 120 * dims + 50);
        }

        double sse = Css(best);
        double mu = constant ? mean + best[p + q] * scale : 0;
        int used = n - p;
        double sigma2 = sse / Math.Max(1, used);
        return new ArimaModel(p, d, q, (double[])ar.Clone(), (double[])ma.Clone(), mu, constant, sigma2, used, y, (double[])e.Clone());
    }

    private static double SumOfSquares(double[] w, double[] ar, double[] ma, double mu, double[] e)
    {
        int p = ar.Length, q = ma.Length;
        double sse = 0;
        for (int t = 0; t < w.Length; t++)
        {
            if (t < p)
            {
                e[t] = 0;
                continue;
            }

            double v = w[t] - mu;
            for (int i = 0; i < p; i++)
            {
                v -= ar[i] * (w[t - 1 - i] - mu);
            }

            for (int j = 0; j < q && t - 1 - j >= 0; j++)
            {
                v -= ma[j] * e[t - 1 - j];
            }

            e[t] = v;
            sse += v * v;
        }

        return double.IsFinite(sse) ? sse : double.MaxValue;
    }

    // Maps unconstrained values to the coefficients of a stationary (or invertible) polynomial via partial autocorrelations.
    private static void Transform(double[] x, int offset, int count, double[] coef, bool ma)
    {
        if (count == 0)
        {
            return;
        }

        var work = new double[count];
        for (int k = 0; k < count; k++)
        {
            double r = Math.Tanh(x[offset + k]) * 0.99;
            for (int j = 0; j < k; j++)
            {
                work[j] = coef[j] - r * coef[k - 1 - j];
            }

            for (int j = 0; j < k; j++)
            {
                coef[j] = work[j];
            }

            coef[k] = r;
        }

        if (ma)
        {
            for (int k = 0; k < count; k++)
            {
                coef[k] = -coef[k];
            }
        }
    }

    private static bool SignificantMean(double[] w)
    {
        if (w.Length < 3)
        {
            return false;
        }

        double sd = EtsFitter.StdDev(w);
        return sd > 0 && Math.Abs(w.Average()) / (sd / Math.Sqrt(w.Length)) > 1.96;
    }

    /// <summary>KPSS level-stationarity statistic with the short Bartlett lag trunc(4·(n/100)^¼).</summary>
    internal static double Kpss(double[] y)
    {
        int n = y.Length;
        double mean = y.Average();
        var e = new double[n];
        for (int t = 0; t < n; t++)
        {
            e[t] = y[t] - mean;
        }

        double s = 0, eta = 0;
        for (int t = 0; t < n; t++)
        {
            s += e[t];
            eta += s * s;
        }

        eta /= (double)n * n;
        int lags = (int)(4 * Math.Pow(n / 100.0, 0.25));
        double lrv = 0;
        for (int t = 0; t < n; t++)
        {
            lrv += e[t] * e[t];
        }

        lrv /= n;
        for (int l = 1; l <= lags; l++)
        {
            double c = 0;
            for (int t = l; t < n; t++)
            {
                c += e[t] * e[t - l];
            }

            lrv += 2 * (1 - l / (lags + 1.0)) * c / n;
        }

        return lrv <= 0 ? 0 : eta / lrv;
    }
}
