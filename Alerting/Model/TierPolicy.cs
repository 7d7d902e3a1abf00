namespace VibeCheck.Alerting;

/// <summary>
/// Decides the tier of a violation episode from its confidence: HIGH above 0.8, MEDIUM from 0.6 to 0.8, LOW below.
/// The decision uses the median of the last <see cref="TierOptions.Window"/> scores and only ever rises,
/// so one weak (or one lucky) frame changes nothing.
/// </summary>
public sealed class TierPolicy(TierOptions options)
{
    /// <summary>Tier of a single confidence value.</summary>
    public AlertTier Classify(double confidence) =>
        confidence > options.HighThreshold ? AlertTier.High
        : confidence >= options.MediumThreshold ? AlertTier.Medium
        : AlertTier.Low;
    /// <summary>Adds a score (0..1) and returns the new history with its tier.</summary>
    public EpisodeConfidence Observe(EpisodeConfidence current, double score)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (double.IsNaN(score) || score < 0 || score > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "confidence must be within 0..1");
        }
        var window = current.RecentScores.Append(score).TakeLast(Math.Max(1, options.Window)).ToArray();
        var observations = current.Observations + 1;
        if (window.Length < Math.Min(options.MinSamples, Math.Max(1, options.Window)))
        {
            return current with { RecentScores = window, Observations = observations };
        }
        var robust = Median(window);
        var candidate = Classify(robust);
        return current with
        {
            RecentScores = window,
            Observations = observations,
            PeakRobustScore = Math.Max(current.PeakRobustScore, robust),
            Tier = candidate > current.Tier ? candidate : current.Tier,
        };
    }
    /// <summary>Median of the values (mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
