namespace VibeCheck.Forecasting.Decomposition;

/// <summary>Parameters of Cleveland et al.'s STL, with the same names and defaults as statsmodels' <c>STL</c>.</summary>
/// <param name="Period">Seasonal period in steps (np), at least 2.</param>
/// <param name="Seasonal">Seasonal smoother length (ns), odd, at least 3.</param>
/// <param name="Trend">Trend smoother length (nt); null: the next odd integer above 1.5·period/(1 − 1.5/seasonal).</param>
/// <param name="LowPass">Low-pass filter length (nl); null: the next odd integer above period.</param>
/// <param name="InnerIterations">Inner loop passes (ni).</param>
/// <param name="OuterIterations">Robustness passes (no); 0 for a non-robust fit.</param>
/// <param name="SeasonalJump">Evaluate the seasonal smoother every this many points; null: ceil(seasonal/10).</param>
/// <param name="TrendJump">Same for the trend smoother; null: ceil(trend/10).</param>
/// <param name="LowPassJump">Same for the low-pass smoother; null: ceil(lowPass/10).</param>
public sealed record StlOptions(
    int Period,
    int Seasonal = 7,
    int? Trend = null,
    int? LowPass = null,
    int InnerIterations = 2,
    int OuterIterations = 0,
    int? SeasonalJump = null,
    int? TrendJump = null,
    int? LowPassJump = null)
{
    /// <summary>Degree of the seasonal, trend and low-pass loess fits (0 or 1).</summary>
    public int SeasonalDegree { get; init; } = 1;

    /// <inheritdoc cref="SeasonalDegree"/>
    public int TrendDegree { get; init; } = 1;

    /// <inheritdoc cref="SeasonalDegree"/>
    public int LowPassDegree { get; init; } = 1;
}
