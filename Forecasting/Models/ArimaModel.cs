namespace VibeCheck.Forecasting.Models;

/// <summary>A fitted non-seasonal ARIMA(p,d,q) with optional mean (d = 0) or drift (d = 1), estimated by conditional sum of squares.</summary>
public sealed class ArimaModel
{
    internal ArimaModel(int p, int d, int q, double[] ar, double[] ma, double constant, bool hasConstant, double sigma2, int effectiveN, double[] history, double[] residuals)
    {
        P = p;
        D = d;
        Q = q;
        Ar = ar;
        Ma = ma;
        Constant = constant;
        HasConstant = hasConstant;
        Sigma2 = sigma2;
        History = history;
        Residuals = residuals;
        int k = p + q + (hasConstant ? 1 : 0) + 1;
        Aicc = effectiveN * Math.Log(Math.Max(sigma2, 1e-300)) + 2 * k
            + (effectiveN - k - 1 > 0 ? 2.0 * k * (k + 1) / (effectiveN - k - 1) : double.PositiveInfinity);
    }

    /// <summary>AR order.</summary>
    public int P { get; }

    /// <summary>Differencing order.</summary>
    public int D { get; }

    /// <summary>MA order.</summary>
    public int Q { get; }

    /// <summary>AR coefficients φ1..φp (x_t = Σ φ_i x_{t−i} + e_t + Σ θ_j e_{t−j}).</summary>
    public double[] Ar { get; }

    /// <summary>MA coefficients θ1..θq.</summary>
    public double[] Ma { get; }

    /// <summary>Mean of the differenced series (the drift when d = 1).</summary>
    public double Constant { get; }

    /// <summary>Whether a mean or drift term was estimated.</summary>
    public bool HasConstant { get; }

    /// <summary>Innovation variance.</summary>
    public double Sigma2 { get; }

    /// <summary>Corrected AIC of the conditional likelihood.</summary>
    public double Aicc { get; }

    /// <summary>One-step residuals of the differenced series.</summary>
    public double[] Residuals { get; }

    private double[] History { get; }

    /// <summary>The model name, e.g. <c>ARIMA(1,1,1) with drift</c>.</summary>
    public string Name => $"ARIMA({P},{D},{Q})" + (HasConstant ? (D == 0 ? " with mean" : " with drift") : string.Empty);

    /// <summary>Forecasts with standard deviations from the ψ-weights of the integrated model.</summary>
    public ModelForecast Forecast(int horizon)
    {
        var w = Differencing.Difference(History, D);
        int n = w.Length;
        var ext = new double[n + horizon];
        var e = new double[n + horizon];
        for (int t = 0; t < n; t++)
        {
            ext[t] = w[t] - Constant;
        }

        int offset = n - Residuals.Length;
        for (int t = 0; t < Residuals.Length; t++)
        {
            e[t + offset] = Residuals[t];
        }

        for (int t = n; t < n + horizon; t++)
        {
            double v = 0;
            for (int i = 0; i < P; i++)
            {
                v += Ar[i] * (t - 1 - i >= 0 ? ext[t - 1 - i] : 0);
            }

            for (int j = 0; j < Q; j++)
            {
                v += Ma[j] * (t - 1 - j >= 0 ? e[t - 1 - j] : 0);
            }

            ext[t] = v;
        }

        var diffForecast = new double[horizon];
        for (int h = 0; h < horizon; h++)
        {
            diffForecast[h] = ext[n + h] + Constant;
        }

        var mean = Differencing.Integrate(History, diffForecast, D);

        // ψ-weights of φ(B)(1−B)^d x = θ(B) e.
        var phiFull = Differencing.ExpandAr(Ar, D);
        var psi = new double[horizon];
        psi[0] = 1;
        for (int j = 1; j < horizon; j++)
        {
            double v = j <= Q ? Ma[j - 1] : 0;
            for (int i = 1; i <= Math.Min(j, phiFull.Length); i++)
            {
                v += phiFull[i - 1] * psi[j - i];
            }

            psi[j] = v;
        }

        var sd = new double[horizon];
        double acc = 0;
        for (int h = 0; h < horizon; h++)
        {
            acc += psi[h] * psi[h];
            sd[h] = Math.Sqrt(Sigma2 * acc);
        }

        return new ModelForecast(Name, mean, sd);
    }
}
