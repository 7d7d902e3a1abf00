using VibeCheck.Forecasting.Evaluation;

namespace VibeCheck.Forecasting.Tests;

public sealed class AccuracyTests
{
    [Fact]
    public void Smape_matches_a_hand_computed_example()
    {
        // 200·|100−110|/210 = 9.5238; 200·|50−40|/90 = 22.2222; 0 → mean 10.5820
        double smape = Accuracy.Smape([100, 50, 20], [110, 40, 20]);
        Assert.Equal(10.5820, smape, 4);
    }

    [Fact]
    public void Mase_divides_by_the_in_sample_seasonal_naive_error()
    {
        // m = 2: |3−1| = 2, |4−2| = 2, |7−3| = 4 → scale 8/3; MAE of forecast = (1 + 3)/2 = 2 → MASE 0.75
        double mase = Accuracy.Mase([1, 2, 3, 4, 7], [10, 10], [11, 7], 2);
        Assert.Equal(0.75, mase, 10);
    }

    [Fact]
    public void Owa_is_the_mean_of_the_ratios_to_naive2()
    {
        Assert.Equal(0.5, Accuracy.Owa(9, 1.2, 18, 2.4), 12);
        Assert.Equal(1.0, Accuracy.Owa(18.383, 2.395, 18.383, 2.395), 12);
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_cycle()
    {
        var f = Benchmarks.SeasonalNaive([1, 2, 3, 4, 5, 6], 5, 3);
        Assert.Equal([4, 5, 6, 4, 5], f);
    }

    [Fact]
    public void Naive2_without_seasonality_is_the_last_value()
    {
        var f = Benchmarks.Naive2([5, 3, 8, 1, 9, 4], 3, 24);
        Assert.Equal([4, 4, 4], f);
    }

    [Fact]
    public void Naive2_reseasonalises_a_multiplicative_pattern()
    {
        var pattern = new[] { 0.5, 1.0, 1.5, 1.0 };
        var y = Enumerable.Range(0, 40).Select(t => 10 * pattern[t % 4]).ToArray();
        Assert.True(SeasonalityTest.IsSeasonal(y, 4));
        var f = Benchmarks.Naive2(y, 4, 4);
        for (int h = 0; h < 4; h++)
        {
            Assert.Equal(10 * pattern[(40 + h) % 4], f[h], 6);
        }
    }
}
