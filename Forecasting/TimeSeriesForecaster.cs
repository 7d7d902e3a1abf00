using MathNet.Numerics.Distributions;
using VibeCheck.Forecasting.Engine;

namespace VibeCheck.Forecasting;

/// <summary>
/// ARIMA_PLUS-style forecasting of one series: regularise, clean spikes and dips, adjust step changes,
/// remove holidays and seasonal cycles (MSTL), forecast the rest with ETS, ARIMA or Theta, and put it all back.
/// Pure and thread-safe: call it from any grain.
/// </summary>
public static class TimeSeriesForecaster
{
    /// <summary>Forecasts <see cref="ForecastOptions.Horizon"/> steps after the last observation.</summary>
    public static ForecastResult Forecast(IReadOnlyList<TimePoint> history, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var prepared = SeriesPreparation.Prepare(history, options, out var problem);
        if (prepared is null)
        {
            return ForecastResult.InsufficientHistory(problem!, options.Level, options.Step);
        }

        var series = prepared.Series;
        int n = series.Length;
        var engine = ForecastEngine.Run(prepared.Model, prepared.Periods, options.Horizon, options.Model);
        double z = Normal.InvCDF(0, 1, 0.5 + options.Level / 2);
        var points = new ForecastPoint[options.Horizon];
        for (int h = 0; h < options.Horizon; h++)
        {
            var time = series.TimeAt(n + h);
            double holiday = prepared.HolidayEffect?.At(time, series.Step) ?? 0;
            double mean = engine.Mean[h] + holiday;
            double lower = mean - z * engine.StdDev[h];
            double upper = mean + z * engine.StdDev[h];
            if (options.NonNegative)
            {
                mean = Math.Max(0, mean);
                lower = Math.Max(0, lower);
                upper = Math.Max(0, upper);
            }

            points[h] = new ForecastPoint(time, mean, lower, upper);
        }

        return new ForecastResult(ForecastStatus.Ok, null, engine.Model, options.Level, options.Step, points,
            BuildDecomposition(prepared, engine));
    }

    /// <summary>Flags observations that fall outside the interval at <paramref name="probability"/> around the decomposition's fit.</summary>
    public static AnomalyReport DetectAnomalies(IReadOnlyList<TimePoint> history, ForecastOptions options, double probability = 0.95)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Probability must lie strictly between 0 and 1.");
        }

        var prepared = SeriesPreparation.Prepare(history, options with { Horizon = 1 }, out var problem);
        if (prepared is null)
        {
            return new AnomalyReport(ForecastStatus.InsufficientHistory, problem, probability, []);
        }

        var series = prepared.Series;
        int n = series.Length;
        double z = Normal.InvCDF(0, 1, 0.5 + probability / 2);
        var model = (double[])prepared.Model.Clone();
        var (expected, sigma) = ExpectedAndSigma(prepared, model);
        // Gross outliers are taken out and the fit redone: with few seasonal cycles an outlier leaks into its phase's
        // seasonal value and the trend beside it, so the usual bucket right after a spike (the newest one, which the
        // camera alert judges) would otherwise be measured against a raised expectation.
        for (int pass = 0; pass < AnomalyRefitPasses; pass++)
        {
            bool changed = false;
            for (int t = 0; t < n; t++)
            {
                if (!series.Observed[t] || Math.Abs(prepared.Observed[t] - expected[t]) <= Math.Max(z, GrossOutlierSigmas) * sigma)
                {
                    continue;
                }

                // The fit on the model's scale (without holiday effect and level offsets).
                double replacement = expected[t] - (prepared.Observed[t] - prepared.Model[t]);
                changed |= Math.Abs(model[t] - replacement) > 0.1 * sigma;
                model[t] = replacement;
            }

            if (!changed)
            {
                break;
            }

            (expected, sigma) = ExpectedAndSigma(prepared, model);
        }

        var anomalies = new List<Anomaly>();
        for (int t = 0; t < n; t++)
        {
            if (!series.Observed[t])
            {
                continue;
            }

            double lower = expected[t] - z * sigma, upper = expected[t] + z * sigma;
            double value = series.Values[t];
            if (value < lower || value > upper)
            {
                anomalies.Add(new Anomaly(series.TimeAt(t), value, expected[t], lower, upper));
            }
        }

        return new AnomalyReport(ForecastStatus.Ok, null, probability, anomalies);
    }

    private const int AnomalyRefitPasses = 4;

    // Only values this far out are taken out of the refit; taking out everything flagged at a low probability would
    // shrink the spread and flag ever more.
    private const double GrossOutlierSigmas = 4.0;

    /// <summary>The decomposition's fit of <paramref name="model"/> on the observed scale, and the robust spread of the observed values around it.</summary>
    private static (double[] Expected, double Sigma) ExpectedAndSigma(PreparedSeries prepared, double[] model)
    {
        int n = model.Length;
        var decomposition = Decomposition.Mstl.Decompose(model, prepared.Periods,
            seasonalDegree: ForecastEngine.SeasonalDegree, windowBase: ForecastEngine.SeasonalWindowBase);
        var expected = new double[n];
        var residual = new List<double>(n);
        for (int t = 0; t < n; t++)
        {
            double e = decomposition.Trend[t] + prepared.Holiday[t] - prepared.LevelOffsets[t];
            foreach (var s in decomposition.Seasonal)
            {
                e += s[t];
            }

            expected[t] = e;
            if (prepared.Series.Observed[t])
            {
                residual.Add(prepared.Observed[t] - e);
            }
        }

        return (expected, Preprocessing.Robust.Sigma(residual));
    }

    private static SeriesDecomposition BuildDecomposition(PreparedSeries prepared, EngineResult engine)
    {
        var series = prepared.Series;
        int n = series.Length;
        var residual = new double[n];
        for (int t = 0; t < n; t++)
        {
            double fit = engine.Trend[t] + prepared.Holiday[t] - prepared.LevelOffsets[t];
            foreach (var s in engine.Seasonal)
            {
                fit += s[t];
            }

            residual[t] = prepared.Observed[t] - fit;
        }

        var trend = new double[n];
        for (int t = 0; t < n; t++)
        {
            trend[t] = engine.Trend[t] - prepared.LevelOffsets[t];
        }

        var seasonal = engine.Periods
            .Select((p, i) => new SeasonalComponent(series.Step * p, engine.Seasonal[i]))
            .ToArray();
        var timestamps = Enumerable.Range(0, n).Select(series.TimeAt).ToArray();
        return new SeriesDecomposition(timestamps, prepared.Observed, trend, seasonal, prepared.Holiday, residual,
            series.Observed.Select(o => !o).ToArray());
    }
}
