namespace VibeCheck.Alerting.Tests;

public sealed class TierPolicyTests
{
    private readonly TierPolicy _policy = new(new TierOptions());

    [Theory]
    [InlineData(0.95, AlertTier.High)]
    [InlineData(0.81, AlertTier.High)]
    [InlineData(0.80, AlertTier.Medium)]
    [InlineData(0.70, AlertTier.Medium)]
    [InlineData(0.60, AlertTier.Medium)]
    [InlineData(0.59, AlertTier.Low)]
    [InlineData(0.0, AlertTier.Low)]
    public void Classify_maps_confidence_to_tier(double confidence, AlertTier expected) =>
        Assert.Equal(expected, _policy.Classify(confidence));

    [Theory]
    [InlineData(new[] { 0.9, 0.9, 0.9 }, AlertTier.High)]
    [InlineData(new[] { 0.7, 0.7, 0.7 }, AlertTier.Medium)]
    [InlineData(new[] { 0.3, 0.4, 0.5 }, AlertTier.Low)]
    [InlineData(new[] { 0.9, 0.9 }, AlertTier.Low)]
    [InlineData(new[] { 0.9, 0.9, 0.9, 0.9, 0.1 }, AlertTier.High)]
    [InlineData(new[] { 0.3, 0.3, 0.3, 0.3, 0.99 }, AlertTier.Low)]
    [InlineData(new[] { 0.65, 0.7, 0.7, 0.85, 0.9, 0.9 }, AlertTier.High)]
    [InlineData(new[] { 0.9, 0.9, 0.9, 0.2, 0.2, 0.2, 0.2, 0.2 }, AlertTier.High)]
    public void Observe_uses_the_median_and_never_lowers(double[] scores, AlertTier expected)
    {
        var state = new EpisodeConfidence();
        foreach (var s in scores)
        {
            state = _policy.Observe(state, s);
        }

        Assert.Equal(expected, state.Tier);
        Assert.Equal(scores.Length, state.Observations);
        Assert.True(state.RecentScores.Count <= 5);
    }

    [Fact]
    public void A_weak_frame_does_not_lower_a_rising_episode()
    {
        var state = new EpisodeConfidence();
        var tiers = new List<AlertTier>();
        foreach (var s in new[] { 0.7, 0.7, 0.7, 0.9, 0.9, 0.9, 0.1, 0.9 })
        {
            state = _policy.Observe(state, s);
            tiers.Add(state.Tier);
        }

        Assert.Equal([AlertTier.Low, AlertTier.Low, AlertTier.Medium, AlertTier.Medium, AlertTier.Medium, AlertTier.High, AlertTier.High, AlertTier.High], tiers);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Observe_rejects_scores_outside_0_1(double score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _policy.Observe(new EpisodeConfidence(), score));

    [Fact]
    public void Median_of_even_count_is_mean_of_middle() =>
        Assert.Equal(0.5, TierPolicy.Median([0.9, 0.1, 0.4, 0.6]), 10);
}
