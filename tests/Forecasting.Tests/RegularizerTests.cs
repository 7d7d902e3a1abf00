using VibeCheck.Forecasting.Preprocessing;

namespace VibeCheck.Forecasting.Tests;

public sealed class RegularizerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Duplicates_in_a_bucket_are_averaged_and_disorder_does_not_matter()
    {
        var points = new[]
        {
            new TimePoint(T0.AddMinutes(10), 30),
            new TimePoint(T0, 10),
            new TimePoint(T0.AddMinutes(6), 20),
            new TimePoint(T0.AddMinutes(5), 40),
        };
        var s = Regularizer.Regularize(points, TimeSpan.FromMinutes(5), 2);
        Assert.Equal(T0, s.Start);
        Assert.Equal([10, 30, 30], s.Values);
        Assert.All(s.Observed, Assert.True);
    }

    [Fact]
    public void Short_gaps_are_interpolated_and_long_gaps_left_open()
    {
        var points = new[] { 0, 1, 4, 10 }.Select((h, i) => new TimePoint(T0.AddHours(h), new[] { 0.0, 10, 40, 100 }[i])).ToArray();
        var s = Regularizer.Regularize(points, TimeSpan.FromHours(1), 2);
        Assert.Equal(11, s.Length);
        Assert.Equal(20, s.Values[2], 10);
        Assert.Equal(30, s.Values[3], 10);
        Assert.False(s.Observed[2]);
        Assert.True(double.IsNaN(s.Values[5]));
        Assert.True(double.IsNaN(s.Values[9]));
    }

    [Fact]
    public void Non_finite_values_are_ignored()
    {
        var points = new[] { new TimePoint(T0, double.NaN), new TimePoint(T0.AddHours(1), 5) };
        var s = Regularizer.Regularize(points, TimeSpan.FromHours(1), 2);
        Assert.Single(s.Values);
        Assert.Equal(5, s.Values[0]);
    }
}
