using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VibeCheck.Forecasting.Evaluation;

namespace VibeCheck.Forecasting.Bench;

/// <summary>M4 Hourly: Naive2 and sNaive as the organisers computed them, then the forecaster; scores as the competition.</summary>
internal static class M4Benchmark
{
    private const int Horizon = 48;
    private const int Period = 24;

    public static int Run(string dir, string[] rest)
    {
        var args = new Arguments(rest);
        int limit = args.Int("limit", int.MaxValue);
        var model = Enum.Parse<ForecastModel>(args.Get("model") ?? "Auto", ignoreCase: true);
        var train = ReadSeries(Path.Combine(dir, "Hourly-train.csv")).Take(limit).ToArray();
        var test = ReadSeries(Path.Combine(dir, "Hourly-test.csv")).Take(limit).ToArray();

        var naive2 = Score(train, test, (y, _) => Benchmarks.Naive2(y, Horizon, Period));
        var snaive = Score(train, test, (y, _) => Benchmarks.SeasonalNaive(y, Horizon, Period));
        Print("Naive2", naive2, naive2);
        Print("sNaive", snaive, naive2);

        var options = new ForecastOptions
        {
            Step = TimeSpan.FromHours(1),
            Horizon = Horizon,
            SeasonalPeriods = [TimeSpan.FromHours(24), TimeSpan.FromHours(168)],
            Model = model,
            MinimumHistory = TimeSpan.Zero,
            MaximumHistory = null,
            HolidayEffect = false,
            TimeZoneId = "UTC",
            AdjustLevelShifts = args.Get("level-shifts") is "on",
        };
        var start = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var models = new string[train.Length];
        var watch = Stopwatch.StartNew();
        var ours = Score(train, test, (y, i) =>
        {
            var history = y.Select((v, t) => new TimePoint(start.AddHours(t), v)).ToArray();
            var result = TimeSeriesForecaster.Forecast(history, options);
            models[i] = result.Model;
            return result.Points.Select(p => p.Value).ToArray();
        });
        double seconds = watch.Elapsed.TotalSeconds;
        Print("VibeCheck", ours, naive2);
        foreach (var group in models.GroupBy(m => m).OrderByDescending(g => g.Count()).Take(8))
        {
            Console.WriteLine($"  {group.Count(),4} × {group.Key}");
        }

        var json = new Dictionary<string, object>
        {
            ["series"] = train.Length,
            ["smape"] = Math.Round(ours.Smape, 3),
            ["mase"] = Math.Round(ours.Mase, 3),
            ["owa"] = Math.Round(Accuracy.Owa(ours.Smape, ours.Mase, naive2.Smape, naive2.Mase), 3),
            ["seconds"] = Math.Round(seconds, 1),
            ["naive2"] = new { smape = Math.Round(naive2.Smape, 3), mase = Math.Round(naive2.Mase, 3) },
            ["snaive"] = new { smape = Math.Round(snaive.Smape, 3), mase = Math.Round(snaive.Mase, 3), owa = Math.Round(Accuracy.Owa(snaive.Smape, snaive.Mase, naive2.Smape, naive2.Mase), 3) },
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }

    private static void Print(string name, (double Smape, double Mase) s, (double Smape, double Mase) naive2) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-10} sMAPE {s.Smape,7:F3}  MASE {s.Mase,6:F3}  OWA {Accuracy.Owa(s.Smape, s.Mase, naive2.Smape, naive2.Mase),6:F3}"));

    private static (double Smape, double Mase) Score(double[][] train, double[][] test, Func<double[], int, double[]> forecaster)
    {
        var smape = new double[train.Length];
        var mase = new double[train.Length];
        Parallel.For(0, train.Length, i =>
        {
            var f = forecaster(train[i], i);
            smape[i] = Accuracy.Smape(test[i], f);
            mase[i] = Accuracy.Mase(train[i], test[i], f, Period);
        });
        return (smape.Average(), mase.Average());
    }

    private static IEnumerable<double[]> ReadSeries(string path) =>
        Csv.Read(path).Skip(1).Select(row => row.Skip(1)
            .Where(c => c.Length > 0)
            .Select(c => double.Parse(c, CultureInfo.InvariantCulture))
            .ToArray());
}
