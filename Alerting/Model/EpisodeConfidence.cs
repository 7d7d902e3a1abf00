namespace VibeCheck.Alerting;

/// <summary>Confidence history of one violation episode and the tier it has reached; persisted by the ViolationGrain.</summary>
public sealed record EpisodeConfidence
{
    /// <summary>The most recent scores, oldest first, at most the tier window long.</summary>
    public IReadOnlyList<double> RecentScores { get; init; } = [];

    /// <summary>Number of scores observed in total.</summary>
    public int Observations { get; init; }

    /// <summary>Highest robust score (median of the window) seen so far.</summary>
    public double PeakRobustScore { get; init; }

    /// <summary>Tier reached; never lowered while the episode is open.</summary>
    public AlertTier Tier { get; init; } = AlertTier.Low;
}
