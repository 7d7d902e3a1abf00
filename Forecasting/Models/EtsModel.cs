namespace VibeCheck.Forecasting.Models;

/// <summary>A fitted additive-error ETS model: parameters, one-step residuals and the final state.</summary>
public sealed class EtsModel
{
    private readonly double _level;
    private readonly double _slope;
    private readonly double[] _ring;
    private readonly int _n;

    private EtsModel(EtsSpec spec, EtsParameters parameters, double[] fitted, double[] residuals, double sse, double level, double slope, double[] ring, int n)
    {
        Spec = spec;
        Parameters = parameters;
        Fitted = fitted;
        Residuals = residuals;
        _level = level;
        _slope = slope;
        _ring = ring;
        _n = n;
        int k = ParameterCount(spec);
        Sigma2 = sse / Math.Max(1, n - k);
        double logLik = -0.5 * n * (Math.Log(2 * Math.PI * sse / n) + 1);
        Aicc = -2 * logLik + 2 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1) : double.PositiveInfinity);
    }

    /// <summary>The model form.</summary>
    public EtsSpec Spec { get; }

    /// <summary>The parameters used.</summary>
    public EtsParameters Parameters { get; }

    /// <summary>One-step-ahead fitted values.</summary>
    public double[] Fitted { get; }

    /// <summary>One-step-ahead errors.</summary>
    public double[] Residuals { get; }

    /// <summary>Residual variance, sum of squares over n − parameters (as R).</summary>
    public double Sigma2 { get; }

    /// <summary>Corrected Akaike information criterion of the Gaussian likelihood.</summary>
    public double Aicc { get; }

    /// <summary>The last state as R prints it: level, slope (if any), then seasonal states newest first.</summary>
    public double[] FinalState()
    {
        var state = new List<double> { _level };
        if (Spec.Trend)
        {
            state.Add(_slope);
        }

        int m = Spec.SeasonPeriod;
        if (m > 1)
        {
            for (int i = 0; i < m; i++)
            {
                state.Add(_ring[Mod(_n - 1 - i, m)]);
            }
        }

        return [.. state];
    }

    /// <summary>Forecasts <paramref name="horizon"/> steps with analytical (class 1) standard deviations.</summary>
    public ModelForecast Forecast(int horizon)
    {
        var p = Parameters;
        int m = Spec.SeasonPeriod;
        double phi = Spec.Trend ? (Spec.Damped ? p.Phi : 1.0) : 0.0;
        var mean = new double[horizon];
        var sd = new double[horizon];
        double phiSum = 0, phiPow = 1, varSum = 1;
        for (int h = 1; h <= horizon; h++)
        {
            phiPow *= phi;
            phiSum += phiPow;
            double f = _level + (Spec.Trend ? phiSum * _slope : 0);
            if (m > 1)
            {
                f += _ring[Mod(_n - 1 + h, m)];
            }

            mean[h - 1] = f;
            sd[h - 1] = Math.Sqrt(Sigma2 * varSum);
            double c = p.Alpha + (Spec.Trend ? p.Beta * phiSum : 0) + (m > 1 && h % m == 0 ? p.Gamma : 0);
            varSum += c * c;
        }

        return new ModelForecast("ETS(" + Spec.Name + ")", mean, sd);
    }

    /// <summary>Runs the state recursion over <paramref name="y"/> with fixed parameters.</summary>
    public static EtsModel Filter(ReadOnlySpan<double> y, EtsSpec spec, EtsParameters p)
    {
        int n = y.Length;
        int m = spec.SeasonPeriod;
        var ring = new double[Math.Max(1, m)];
        if (m > 1)
        {
            for (int i = 0; i < m; i++)
            {
                ring[i] = p.Seasonal[m - 1 - i];
            }
        }

        double phi = spec.Trend ? (spec.Damped ? p.Phi : 1.0) : 0.0;
        double l = p.Level, b = spec.Trend ? p.Slope : 0.0;
        var fitted = new double[n];
        var resid = new double[n];
        double sse = 0;
        for (int t = 0; t < n; t++)
        {
            double s = m > 1 ? ring[t % m] : 0.0;
            double pb = phi * b;
            double f = l + pb + s;
            double e = y[t] - f;
            fitted[t] = f;
            resid[t] = e;
            sse += e * e;
            l = l + pb + p.Alpha * e;
            if (spec.Trend)
            {
                b = pb + p.Beta * e;
            }

            if (m > 1)
            {
                ring[t % m] = s + p.Gamma * e;
            }
        }

        return new EtsModel(spec, p, fitted, resid, sse, l, b, ring, n);
    }

    internal static double SumOfSquares(ReadOnlySpan<double> y, EtsSpec spec, double alpha, double beta, double gamma, double phi, double l, double b, double[] ring)
    {
        int m = spec.SeasonPeriod;
        double ph = spec.Trend ? phi : 0.0;
        if (!spec.Trend)
        {
            b = 0;
        }

        double sse = 0;
        for (int t = 0; t < y.Length; t++)
        {
            int k = m > 1 ? t % m : 0;
            double s = m > 1 ? ring[k] : 0.0;
            double pb = ph * b;
            double e = y[t] - (l + pb + s);
            sse += e * e;
            l = l + pb + alpha * e;
            b = pb + beta * e;
            if (m > 1)
            {
                ring[k] = s + gamma * e;
            }
        }

        return sse;
    }

    internal static int ParameterCount(EtsSpec spec) =>
        2 + (spec.Trend ? 2 : 0) + (spec.Trend && spec.Damped ? 1 : 0) + (spec.SeasonPeriod > 1 ? 1 + spec.SeasonPeriod - 1 : 0);

    private static int Mod(int a, int m) => ((a % m) + m) % m;
}
