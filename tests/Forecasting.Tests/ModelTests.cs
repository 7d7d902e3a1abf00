using VibeCheck.Forecasting.Decomposition;
using VibeCheck.Forecasting.Models;

namespace VibeCheck.Forecasting.Tests;

public sealed class ModelTests
{
    [Fact]
    public void Stl_recovers_a_known_seasonal_cycle_and_trend()
    {
        int n = 24 * 20;
        var y = Enumerable.Range(0, n).Select(t => 50 + 0.1 * t + 10 * Math.Sin(2 * Math.PI * t / 24)).ToArray();
        var r = Stl.Decompose(y, new StlOptions(24, Seasonal: 13));
        for (int t = 48; t < n - 48; t++)
        {
            Assert.Equal(10 * Math.Sin(2 * Math.PI * t / 24), r.Seasonal[t], 0.2);
            Assert.Equal(50 + 0.1 * t, r.Trend[t], 0.2);
        }
    }

    [Fact]
    public void Mstl_separates_daily_and_weekly_cycles()
    {
        int n = 168 * 6;
        var y = Enumerable.Range(0, n).Select(t => Fixtures.Traffic(t, 0)).ToArray();
        var r = Mstl.Decompose(y, [24, 168]);
        Assert.Equal([24, 168], r.Periods);
        double maxDaily = 0, maxWeekly = 0;
        for (int t = 168; t < n - 168; t++)
        {
            maxDaily = Math.Max(maxDaily, Math.Abs(r.Seasonal[0][t] - 30 * Math.Sin(2 * Math.PI * t / 24)));
            maxWeekly = Math.Max(maxWeekly, Math.Abs(r.Seasonal[1][t] - 15 * Math.Cos(2 * Math.PI * t / 168)));
        }

        Assert.True(maxDaily < 2.0, $"daily error {maxDaily}");
        Assert.True(maxWeekly < 3.0, $"weekly error {maxWeekly}");
    }

    [Fact]
    public void Ets_filter_follows_the_additive_recursion()
    {
        var spec = new EtsSpec(true, false, 0);
        var p = new EtsParameters(0.5, 0.1, 0, 1, 10, 1, []);
        var m = EtsModel.Filter([12.0, 13.0], spec, p);
        // t1: f = 11, e = 1, l = 11.5, b = 1.1; t2: f = 12.6, e = 0.4, l = 12.8, b = 1.14
        Assert.Equal(11, m.Fitted[0], 12);
        Assert.Equal(12.6, m.Fitted[1], 12);
        Assert.Equal([12.8, 1.14], m.FinalState().Select(v => Math.Round(v, 10)));
        Assert.Equal(12.8 + 1.14, m.Forecast(1).Mean[0], 10);
    }

    [Fact]
    public void Ses_fit_recovers_a_local_level_smoothing_parameter()
    {
        // Random walk plus noise with signal-to-noise q = 1 has optimal alpha = (−q + √(q² + 4q))/2 ≈ 0.618.
        var walk = Fixtures.Noise(3000, 1, 7);
        var noise = Fixtures.Noise(3000, 1, 8);
        double level = 0;
        var y = new double[3000];
        for (int t = 0; t < y.Length; t++)
        {
            level += walk[t];
            y[t] = level + noise[t];
        }

        var fit = EtsFitter.Fit(y, new EtsSpec(false, false, 0));
        Assert.InRange(fit.Parameters.Alpha, 0.55, 0.69);
    }

    [Fact]
    public void AutoArima_finds_an_ar1_process()
    {
        var e = Fixtures.Noise(2000, 1, 3);
        var y = new double[2000];
        for (int t = 1; t < y.Length; t++)
        {
            y[t] = 0.7 * y[t - 1] + e[t];
        }

        var fit = AutoArima.Fit(y);
        Assert.Equal(0, fit.D);
        var order1 = AutoArima.FitOrder(y, 1, 0, 0, true);
        Assert.InRange(order1.Ar[0], 0.65, 0.75);
        Assert.True(fit.Aicc <= order1.Aicc + 1e-9);
        var f = fit.Forecast(30);
        Assert.InRange(f.StdDev[29], 1.2, 1.6); // long-run sd √(1/(1−0.49)) ≈ 1.40
    }

    [Fact]
    public void Differenced_arima_forecasts_a_linear_trend_with_drift()
    {
        var e = Fixtures.Noise(500, 0.5, 11);
        var y = Enumerable.Range(0, 500).Select(t => 3.0 * t + e[t]).ToArray();
        var fit = AutoArima.Fit(y);
        Assert.True(fit.D >= 1);
        var f = fit.Forecast(10);
        Assert.Equal(3.0 * 509, f.Mean[9], 2.0);
    }
}
