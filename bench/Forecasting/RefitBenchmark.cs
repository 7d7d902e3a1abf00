using System.Diagnostics;
using System.Text.Json;

namespace VibeCheck.Forecasting.Bench;

/// <summary>
/// What one CameraForecastGrain refit costs: a forecast of 288 steps (24 h of 5-minute buckets) on five weeks of
/// 5-minute activity with daily and weekly cycles, and an anomaly scan of the same history; then a batch of cameras
/// on <c>--threads</c> threads, extrapolated to <c>--cameras</c>.
/// Usage: <c>refit [--weeks 5] [--runs 5] [--batch 16] [--threads 2] [--cameras 950]</c>.
/// </summary>
public static class RefitBenchmark
{
    public static int Run(string[] args)
    {
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
        }

        int weeks = Option("--weeks", 5), runs = Option("--runs", 5), batch = Option("--batch", 16);
        int threads = Option("--threads", 2), cameras = Option("--cameras", 950);
        var options = new ForecastOptions { Horizon = 288 };
        var series = Enumerable.Range(0, batch).Select(i => Synthetic(weeks, seed: i)).ToArray();

        TimeSeriesForecaster.Forecast(series[0], options); // JIT warm-up
        var fits = new List<double>();
        var scans = new List<double>();
        string model = "";
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var result = TimeSeriesForecaster.Forecast(series[r % batch], options);
            fits.Add(sw.Elapsed.TotalMilliseconds);
            model = result.Model;
            sw.Restart();
            TimeSeriesForecaster.DetectAnomalies(series[r % batch], options);
            scans.Add(sw.Elapsed.TotalMilliseconds);
        }

        var wall = Stopwatch.StartNew();
        Parallel.ForEach(series, new ParallelOptions { MaxDegreeOfParallelism = threads }, s => TimeSeriesForecaster.Forecast(s, options));
        var batchSeconds = wall.Elapsed.TotalSeconds;
        var perCamera = batchSeconds / batch;

        Console.WriteLine($"{series[0].Length} buckets, model {model}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            buckets = series[0].Length,
            fit_ms_median = Median(fits),
            fit_ms_max = fits.Max(),
            anomaly_scan_ms_median = Median(scans),
            batch,
            threads,
            batch_seconds = batchSeconds,
            cameras,
            cameras_refit_seconds = perCamera * cameras,
        }));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Vehicles + persons per 5-minute bucket: a daily cycle, quieter weekends, Poisson-like noise.</summary>
    private static TimePoint[] Synthetic(int weeks, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 9, 7, 0, 0, 0, TimeSpan.Zero);
        var n = weeks * 7 * 288;
        var points = new TimePoint[n];
        for (int t = 0; t < n; t++)
        {
            var time = start.AddMinutes(5 * t);
            var daily = 23 - 15 * Math.Cos(2 * Math.PI * (time.TimeOfDay.TotalHours - 3) / 24);
            var weekly = time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
            var mean = daily * weekly;
            points[t] = new TimePoint(time, Math.Max(0, Math.Round(mean + Math.Sqrt(mean) * NextGaussian(random))));
        }

        return points;
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
