namespace VibeCheck.Forecasting;

/// <summary>An observation outside the interval the model expected for its time.</summary>
public sealed record Anomaly(DateTimeOffset Timestamp, double Value, double Expected, double Lower, double Upper);
