namespace VibeCheck.Forecasting;

/// <summary>
/// The regularised history split as observed = trend + Σ seasonal + holiday + residual (after cleaning, the
/// residual also holds what cleaning removed). <see cref="Imputed"/> marks buckets with no observation.
/// </summary>
public sealed record SeriesDecomposition(
    IReadOnlyList<DateTimeOffset> Timestamps,
    IReadOnlyList<double> Observed,
    IReadOnlyList<double> Trend,
    IReadOnlyList<SeasonalComponent> Seasonal,
    IReadOnlyList<double> Holiday,
    IReadOnlyList<double> Residual,
    IReadOnlyList<bool> Imputed);
