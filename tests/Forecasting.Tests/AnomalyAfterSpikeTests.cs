namespace VibeCheck.Forecasting.Tests;

/// <summary>
/// The camera alert's view of anomalies: only the newest bucket matters, so the end of the series must be judged as
/// fairly as its middle. A spike must not make the usual bucket after it look unusual.
/// </summary>
public sealed class AnomalyAfterSpikeTests
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    private static ForecastOptions CameraOptions() => new() { Step = Bucket, Horizon = 1 };

    private static List<TimePoint> ThreeDays(DateTimeOffset last, int seed)
    {
        var random = new Random(seed);
        var n = (int)(TimeSpan.FromDays(3) / Bucket);
        var points = new List<TimePoint>(n);
        for (var i = n - 1; i >= 0; i--)
        {
            var t = last - i * Bucket;
            var expected = 23 - 15 * Math.Cos(2 * Math.PI * (t.TimeOfDay.TotalHours - 3) / 24);
            points.Add(new TimePoint(t, Math.Max(0, Math.Round(expected + (random.NextDouble() - 0.5) * 4))));
        }

        return points;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Newest_usual_bucket_after_a_spike_is_not_an_anomaly(int seed)
    {
        for (var hour = 0; hour < 24; hour += 3)
        {
            var last = new DateTimeOffset(2026, 11, 20, hour, 0, 0, TimeSpan.Zero);
            var history = ThreeDays(last, seed);
            history[^2] = history[^2] with { Value = history[^2].Value + 600 };

            var report = TimeSeriesForecaster.DetectAnomalies(history, CameraOptions(), probability: 0.99);

            Assert.Equal(ForecastStatus.Ok, report.Status);
            Assert.Contains(report.Anomalies, a => a.Timestamp == history[^2].Timestamp);
            var newest = report.Anomalies.FirstOrDefault(a => a.Timestamp == history[^1].Timestamp);
            Assert.True(newest is null, $"hour {hour}: usual newest bucket {newest?.Value} flagged, expected {newest?.Expected:F1} [{newest?.Lower:F1}, {newest?.Upper:F1}]");
        }
    }
}
