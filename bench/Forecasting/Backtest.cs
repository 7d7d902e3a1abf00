using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VibeCheck.Forecasting.Evaluation;
using VibeCheck.Forecasting.Preprocessing;

namespace VibeCheck.Forecasting.Bench;

/// <summary>
/// Rolling-origin backtest of any CSV series: the last <c>origins</c> windows of <c>horizon</c> steps are forecast
/// from everything before them and scored by MASE (scale: in-sample seasonal naive at the first seasonality)
/// against the seasonal naive forecast, plus the coverage of the 95% interval.
/// </summary>
internal static class Backtest
{
    public static int Run(string[] raw)
    {
        var args = new Arguments(raw);
        string csv = args.Required("csv");
        var timeColumns = args.Required("time").Split(',');
        string valueColumn = args.Required("value");
        var seriesColumns = args.Get("series")?.Split(',') ?? [];
        var seasonality = (args.Get("seasonality") ?? "24,168").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int horizon = args.Int("horizon", 24);
        int origins = args.Int("origins", 10);
        double level = args.Double("level", 0.95);
        // Backtest before a date, e.g. to stay clear of a long outage of the counter at the end of a series.
        DateTimeOffset? until = args.Get("until") is { } u
            ? DateTimeOffset.Parse(u, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;

        var rows = Csv.Read(csv).ToList();
        var header = rows[0].Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new ArgumentException($"no column '{name}' in {csv}");
        var timeIdx = timeColumns.Select(Column).ToArray();
        int valueIdx = Column(valueColumn);
        var seriesIdx = seriesColumns.Select(Column).ToArray();

        var groups = new Dictionary<string, List<TimePoint>>();
        int skipped = 0;
        foreach (var row in rows.Skip(1))
        {
            if (row.Length < header.Count || !double.TryParse(row[valueIdx], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                skipped++;
                continue;
            }

            var key = string.Join('|', seriesIdx.Select(i => row[i]));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            var at = ParseTime(timeIdx.Select(i => row[i]).ToArray());
            if (until is null || at < until)
            {
                list.Add(new TimePoint(at, value));
            }
        }

        var step = args.Get("step-minutes") is { } sm
            ? TimeSpan.FromMinutes(double.Parse(sm, CultureInfo.InvariantCulture))
            : InferStep(groups.Values.First());
        var options = new ForecastOptions
        {
            Step = step,
            Horizon = horizon,
            Level = level,
            SeasonalPeriods = seasonality.Select(s => step * s).ToArray(),
            MinimumHistory = step * 2 * seasonality.Min(),
            TimeZoneId = "UTC",
        };

        var watch = Stopwatch.StartNew();
        var scores = new List<(double Mase, double MaseNaive, double Mase1, double Covered, int Count)>();
        var gate = new object();
        Parallel.ForEach(groups.Values, points =>
        {
            var local = Evaluate(points, options, seasonality.Min(), origins);
            lock (gate)
            {
                scores.AddRange(local);
            }
        });
        double seconds = watch.Elapsed.TotalSeconds;
        double coverage = scores.Sum(s => s.Covered) / Math.Max(1, scores.Sum(s => s.Count));
        var json = new Dictionary<string, object>
        {
            ["series"] = groups.Count,
            ["origins"] = scores.Count,
            ["rows_skipped"] = skipped,
            ["horizon"] = horizon,
            ["mase"] = Math.Round(scores.Select(s => s.Mase).DefaultIfEmpty(double.NaN).Average(), 4),
            ["mase_seasonal_naive"] = Math.Round(scores.Select(s => s.MaseNaive).DefaultIfEmpty(double.NaN).Average(), 4),
            ["mase_step1"] = Math.Round(scores.Select(s => s.Mase1).DefaultIfEmpty(double.NaN).Average(), 4),
            ["coverage95"] = Math.Round(coverage, 4),
            ["seconds"] = Math.Round(seconds, 2),
        };
        Console.WriteLine($"{csv}: {groups.Count} series, step {step}, {scores.Count} origins scored, {skipped} rows without a value");
        Console.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return 0;
    }

    private static List<(double, double, double, double, int)> Evaluate(List<TimePoint> points, ForecastOptions options, int m, int origins)
    {
        var results = new List<(double, double, double, double, int)>();
        var grid = Regularizer.Regularize(points, options.Step, 0);
        int n = grid.Length;
        for (int k = origins; k >= 1; k--)
        {
            int origin = n - k * options.Horizon;
            if (origin < 2 * m + options.Horizon)
            {
                continue;
            }

            var cut = grid.TimeAt(origin);
            var history = points.Where(p => p.Timestamp < cut).ToList();
            var result = TimeSeriesForecaster.Forecast(history, options);
            if (result.Status != ForecastStatus.Ok)
            {
                Console.Error.WriteLine($"origin {cut:u} skipped: {result.Status}: {result.Message}");
                continue;
            }

            var insample = grid.Values[..origin];
            double scale = Accuracy.MaseScale(insample, m);
            if (!(scale > 0))
            {
                continue;
            }

            double err = 0, errNaive = 0, err1 = double.NaN, covered = 0;
            int count = 0;
            for (int h = 0; h < options.Horizon; h++)
            {
                int t = origin + h;
                if (!grid.Observed[t])
                {
                    continue;
                }

                double actual = grid.Values[t];
                var p = result.Points[h];
                double naive = SeasonalNaive(grid.Values, origin, h, m);
                err += Math.Abs(actual - p.Value);
                errNaive += Math.Abs(actual - naive);
                if (h == 0)
                {
                    err1 = Math.Abs(actual - p.Value) / scale;
                }

                covered += actual >= p.Lower && actual <= p.Upper ? 1 : 0;
                count++;
            }

            double mase = err / count / scale;
            if (count > 0 && double.IsFinite(errNaive) && double.IsFinite(mase))
            {
                results.Add((err / count / scale, errNaive / count / scale, double.IsNaN(err1) ? err / count / scale : err1, covered, count));
            }
        }

        return results;
    }

    // The last observed value at the same phase of the season before the origin.
    private static double SeasonalNaive(double[] values, int origin, int h, int m)
    {
        int t = origin - m + (h % m);
        while (t >= 0 && double.IsNaN(values[t]))
        {
            t -= m;
        }

        return t >= 0 ? values[t] : double.NaN;
    }

    private static TimeSpan InferStep(List<TimePoint> points)
    {
        var times = points.Select(p => p.Timestamp).Distinct().Order().ToArray();
        var diffs = times.Zip(times.Skip(1), (a, b) => b - a).Where(d => d > TimeSpan.Zero).Order().ToArray();
        return diffs.Length == 0 ? TimeSpan.FromHours(1) : diffs[diffs.Length / 2];
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK",
        "MM/dd/yyyy hh:mm:ss tt", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "yyyy-MM-dd",
    ];

    // One column: a timestamp read as UTC wall-clock time. Several: year, month, day, hour[, minute] parts.
    private static DateTimeOffset ParseTime(string[] parts)
    {
        if (parts.Length == 1)
        {
            var t = DateTime.ParseExact(parts[0].Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);
            return new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        var v = parts.Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return new DateTimeOffset(v[0], v[1], v[2], 0, 0, 0, TimeSpan.Zero)
            .AddHours(v.Length > 3 ? v[3] : 0).AddMinutes(v.Length > 4 ? v[4] : 0);
    }
}
