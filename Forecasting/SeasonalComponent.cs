namespace VibeCheck.Forecasting;

/// <summary>One seasonal part of the decomposition (e.g. the daily cycle), aligned with the decomposition's timestamps.</summary>
public sealed record SeasonalComponent(TimeSpan Period, IReadOnlyList<double> Values);
