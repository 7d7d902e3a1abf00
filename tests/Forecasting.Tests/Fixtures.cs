namespace VibeCheck.Forecasting.Tests;

/// <summary>Generated series with known structure.</summary>
public static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Hourly: level 100, slope, a daily cycle of amplitude 30, a weekday/weekend weekly cycle of 15, Gaussian noise.</summary>
    public static double Traffic(int t, double slope = 0.02) =>
        100 + slope * t + 30 * Math.Sin(2 * Math.PI * t / 24) + 15 * Math.Cos(2 * Math.PI * t / 168);

    public static double[] Noise(int n, double sd, int seed)
    {
        var rng = new Random(seed);
        var e = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
            e[i] = sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return e;
    }

    public static List<TimePoint> HourlyTraffic(int n, double noiseSd = 2, int seed = 1)
    {
        var e = Noise(n, noiseSd, seed);
        return Enumerable.Range(0, n).Select(t => new TimePoint(Start.AddHours(t), Traffic(t) + e[t])).ToList();
    }

    public static ForecastOptions HourlyOptions(int horizon = 24) => new()
    {
        Step = TimeSpan.FromHours(1),
        Horizon = horizon,
        SeasonalPeriods = [TimeSpan.FromHours(24), TimeSpan.FromHours(168)],
        TimeZoneId = "UTC",
    };
}
