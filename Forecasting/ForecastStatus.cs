namespace VibeCheck.Forecasting;

/// <summary>Whether a forecast or anomaly scan could be made.</summary>
public enum ForecastStatus
{
    /// <summary>The result holds forecasts (or anomalies).</summary>
    Ok,

    /// <summary>The history is too short or too sparse; nothing was guessed.</summary>
    InsufficientHistory,
}
