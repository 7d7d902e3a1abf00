namespace VibeCheck.Forecasting;

/// <summary>One observation of a series; timestamps may be irregular, duplicated or out of order.</summary>
public readonly record struct TimePoint(DateTimeOffset Timestamp, double Value);
