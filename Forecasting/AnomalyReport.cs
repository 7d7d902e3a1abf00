namespace VibeCheck.Forecasting;

/// <summary>Anomalies found in a history. A plain record: safe to serialise.</summary>
/// <param name="Status">Whether the scan could be made.</param>
/// <param name="Message">Why not, otherwise null.</param>
/// <param name="Probability">Interval probability used; points outside it are anomalies.</param>
/// <param name="Anomalies">Anomalous observations, oldest first.</param>
public sealed record AnomalyReport(ForecastStatus Status, string? Message, double Probability, IReadOnlyList<Anomaly> Anomalies);
