using VibeCheck.Forecasting.Decomposition;
using VibeCheck.Forecasting.Holidays;
using VibeCheck.Forecasting.Preprocessing;

namespace VibeCheck.Forecasting.Engine;

/// <summary>Regularises, fills, cleans and adjusts a raw history; says why when it cannot.</summary>
internal static class SeriesPreparation
{
    public static PreparedSeries? Prepare(IReadOnlyList<TimePoint> history, ForecastOptions options, out string? problem)
    {
        options.Validate();
        int maxGap = (int)(options.MaxInterpolatedGap.Ticks / options.Step.Ticks);
        var series = Regularizer.Regularize(history, options.Step, maxGap);
        if (options.MaximumHistory is { } cap && series.Length > cap.Ticks / options.Step.Ticks)
        {
            int keep = (int)(cap.Ticks / options.Step.Ticks);
            int skip = series.Length - keep;
            while (skip < series.Length && !series.Observed[skip])
            {
                skip++;
            }

            series = series with
            {
                Start = series.TimeAt(skip),
                Values = series.Values[skip..],
                Observed = series.Observed[skip..],
            };
        }

        int n = series.Length;
        int observedCount = series.Observed.Count(o => o);
        var span = options.Step * Math.Max(0, n - 1);
        if (observedCount < 2 || span < options.MinimumHistory)
        {
            problem = $"Insufficient history: {observedCount} observations spanning {span}, need at least {options.MinimumHistory}.";
            return null;
        }

        if (observedCount < options.MinimumCoverage * n)
        {
            problem = $"Insufficient history: only {observedCount} of {n} buckets observed (minimum share {options.MinimumCoverage:P0}).";
            return null;
        }

        var periods = options.SeasonalPeriods
            .Select(p => (int)Math.Round(p / options.Step))
            .Where(p => p >= 2 && 2 * p <= n)
            .Distinct().Order().ToArray();
        int shortest = periods.Length > 0 ? periods[0] : 1;

        var y = FillLongGaps(series.Values, shortest);
        var longGap = series.Values.Select(double.IsNaN).ToArray();
        // The preliminary fit keeps statsmodels' defaults: its local seasonal finds spikes better (M4 Hourly MASE 0.95 → 0.91).
        var prelim = Mstl.Decompose(y, periods);
        var fitted = Fitted(prelim, n);
        for (int t = 0; t < n; t++)
        {
            if (longGap[t])
            {
                y[t] = fitted[t];
            }
        }

        var observed = (double[])y.Clone();
        var model = (double[])y.Clone();

        // Holidays first, from the raw residual, so that outlier cleaning does not erase them.
        var holiday = new double[n];
        HolidayEffect? effect = null;
        if (options.HolidayEffect)
        {
            var resid = new double[n];
            for (int t = 0; t < n; t++)
            {
                resid[t] = y[t] - fitted[t];
            }

            var usable = longGap.Select(g => !g).ToArray();
            effect = HolidayEffect.Estimate(series, resid, usable, Zone(options.TimeZoneId));
            if (effect is not null)
            {
                for (int t = 0; t < n; t++)
                {
                    holiday[t] = effect.At(series.TimeAt(t), series.Step);
                    model[t] -= holiday[t];
                }
            }
        }

        if (options.CleanOutliers)
        {
            var resid = new double[n];
            for (int t = 0; t < n; t++)
            {
                resid[t] = model[t] - fitted[t];
            }

            double sigma = Robust.Sigma(resid);
            double center = Robust.Median(resid);
            if (sigma > 0)
            {
                for (int t = 0; t < n; t++)
                {
                    if (Math.Abs(resid[t] - center) > options.OutlierThreshold * sigma)
                    {
                        model[t] = fitted[t] + center;
                    }
                }
            }
        }

        var offsets = new double[n];
        if (options.AdjustLevelShifts)
        {
            var adjusted = new double[n];
            for (int t = 0; t < n; t++)
            {
                adjusted[t] = model[t];
                foreach (var s in prelim.Seasonal)
                {
                    adjusted[t] -= s[t];
                }
            }

            offsets = LevelShiftAdjuster.Offsets(adjusted, Math.Max(shortest, 12));
            for (int t = 0; t < n; t++)
            {
                model[t] += offsets[t];
            }
        }

        problem = null;
        return new PreparedSeries(series, observed, model, holiday, offsets, periods, effect);
    }

    internal static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static double[] Fitted(MstlResult d, int n)
    {
        var f = (double[])d.Trend.Clone();
        foreach (var s in d.Seasonal)
        {
            for (int t = 0; t < n; t++)
            {
                f[t] += s[t];
            }
        }

        return f;
    }

    // Long gaps take the value one season earlier when there is one, otherwise a straight line.
    private static double[] FillLongGaps(double[] values, int period)
    {
        var y = (double[])values.Clone();
        int n = y.Length;
        for (int t = 0; t < n; t++)
        {
            if (!double.IsNaN(y[t]))
            {
                continue;
            }

            if (period > 1 && t - period >= 0 && !double.IsNaN(y[t - period]))
            {
                y[t] = y[t - period];
                continue;
            }

            int next = t;
            while (next < n && double.IsNaN(y[next]))
            {
                next++;
            }

            double before = t > 0 ? y[t - 1] : y[next];
            double after = next < n ? y[next] : before;
            y[t] = before + (after - before) / (next - t + 1);
        }

        return y;
    }
}
