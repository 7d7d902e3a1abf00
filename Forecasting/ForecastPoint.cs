namespace VibeCheck.Forecasting;

/// <summary>A point forecast with its prediction interval at the requested level.</summary>
public sealed record ForecastPoint(DateTimeOffset Timestamp, double Value, double Lower, double Upper);
