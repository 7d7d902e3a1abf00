namespace VibeCheck.Forecasting.Models;

/// <summary>Fits additive-error ETS models by least squares (the Gaussian likelihood) and picks one by AICc.</summary>
public static class EtsFitter
{
    /// <summary>Fits one model form; seasonal initial states come from the first cycles and stay fixed.</summary>
    public static EtsModel Fit(ReadOnlySpan<double> y, EtsSpec spec)
    {
        int n = y.Length;
        int m = spec.SeasonPeriod;
        var data = y.ToArray();
        var (l0, b0, s0) = InitialStates(data, spec);
        var ringInit = new double[Math.Max(1, m)];
        if (m > 1)
        {
            for (int i = 0; i < m; i++)
            {
                ringInit[i] = s0[m - 1 - i];
            }
        }

        double scale = Math.Max(1e-9, StdDev(data));
        var ring = new double[ringInit.Length];

        // x = [alpha, beta?, gamma?, phi?, l0, b0?]
        var start = new List<double> { 0.5 };
        var step = new List<double> { 0.1 };
        if (spec.Trend)
        {
            start.Add(0.05);
            step.Add(0.02);
        }

        if (m > 1)
        {
            start.Add(0.05);
            step.Add(0.02);
        }

        if (spec.Trend && spec.Damped)
        {
            start.Add(0.95);
            step.Add(0.02);
        }

        start.Add(l0);
        step.Add(0.1 * scale);
        if (spec.Trend)
        {
            start.Add(b0);
            step.Add(0.01 * scale);
        }

        double Objective(double[] x)
        {
            var (alpha, beta, gamma, phi, l, b) = Unpack(x, spec);
            if (alpha < 1e-4 || alpha > 0.9999 || beta < 0 || beta > alpha || gamma < 0 || gamma > 1 - alpha
                || phi < 0.8 || phi > 0.98 && spec.Damped)
            {
                return double.MaxValue;
            }

            Array.Copy(ringInit, ring, ringInit.Length);
            double sse = EtsModel.SumOfSquares(data, spec, alpha, beta, gamma, phi, l, b, ring);
            return double.IsFinite(sse) ? sse : double.MaxValue;
        }

        int dims = start.Count;
        var best = NelderMead.Minimize(Objective, [.. start], [.. step], maxEvaluations: 150 * dims);
        var (a, be, g, ph, lv, sl) = Unpack(best, spec);
        return EtsModel.Filter(data, spec, new EtsParameters(a, be, g, ph, lv, sl, s0));
    }

    /// <summary>Fits the non-seasonal forms (and the seasonal ones when <paramref name="seasonPeriod"/> &gt; 1) and returns the lowest AICc.</summary>
    public static EtsModel FitBest(ReadOnlySpan<double> y, int seasonPeriod = 0)
    {
        var specs = new List<EtsSpec> { new(false, false, 0), new(true, false, 0), new(true, true, 0) };
        if (seasonPeriod > 1 && y.Length >= 2 * seasonPeriod + 2)
        {
            specs.Add(new EtsSpec(false, false, seasonPeriod));
            specs.Add(new EtsSpec(true, true, seasonPeriod));
        }

        EtsModel? best = null;
        foreach (var spec in specs)
        {
            var model = Fit(y, spec);
            if (best is null || model.Aicc < best.Aicc)
            {
                best = model;
            }
        }

        return best!;
    }

    private static (double Alpha, double Beta, double Gamma, double Phi, double Level, double Slope) Unpack(double[] x, EtsSpec spec)
    {
        int i = 0;
        double alpha = x[i++];
        double beta = spec.Trend ? x[i++] : 0;
        double gamma = spec.SeasonPeriod > 1 ? x[i++] : 0;
        double phi = spec.Trend && spec.Damped ? x[i++] : 1.0;
        double level = x[i++];
        double slope = spec.Trend ? x[i] : 0;
        return (alpha, beta, gamma, phi, level, slope);
    }

    private static (double Level, double Slope, double[] Seasonal) InitialStates(double[] y, EtsSpec spec)
    {
        int m = spec.SeasonPeriod;
        var s0 = new double[Math.Max(0, m)];
        var adjusted = y;
        if (m > 1)
        {
            int cycles = Math.Min(4, y.Length / m);
            var phase = new double[m];
            for (int c = 0; c < cycles; c++)
            {
                double mean = 0;
                for (int i = 0; i < m; i++)
                {
                    mean += y[c * m + i];
                }

                mean /= m;
                for (int i = 0; i < m; i++)
                {
                    phase[i] += (y[c * m + i] - mean) / cycles;
                }
            }

            double avg = phase.Average();
            for (int i = 0; i < m; i++)
            {
                phase[i] -= avg;
                s0[m - 1 - i] = phase[i];
            }

            adjusted = new double[Math.Min(y.Length, 2 * m)];
            for (int t = 0; t < adjusted.Length; t++)
            {
                adjusted[t] = y[t] - phase[t % m];
            }
        }

        int k = Math.Min(adjusted.Length, Math.Max(10, m));
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int t = 0; t < k; t++)
        {
            sx += t + 1;
            sy += adjusted[t];
            sxx += (t + 1.0) * (t + 1);
            sxy += (t + 1.0) * adjusted[t];
        }

        double slope = k > 1 ? (k * sxy - sx * sy) / (k * sxx - sx * sx) : 0;
        double level = sy / k - slope * (sx / k);
        return (level, spec.Trend ? slope : 0, s0);
    }

    internal static double StdDev(double[] y)
    {
        if (y.Length < 2)
        {
            return 0;
        }

        double mean = y.Average();
        double s = 0;
        foreach (var v in y)
        {
            s += (v - mean) * (v - mean);
        }

        return Math.Sqrt(s / (y.Length - 1));
    }
}
