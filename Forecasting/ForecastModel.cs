namespace VibeCheck.Forecasting;

/// <summary>Which model forecasts the seasonally adjusted series.</summary>
public enum ForecastModel
{
    /// <summary>Every candidate is fitted on all but the last horizon and the most accurate ones are combined.</summary>
    Auto,

    /// <summary>Exponential smoothing (ANN, AAN or AAdN by AICc) on the MSTL-adjusted series.</summary>
    Ets,

    /// <summary>Automatic ARIMA (order by AICc) on the MSTL-adjusted series.</summary>
    Arima,

    /// <summary>The Theta method on the MSTL-adjusted series.</summary>
    Theta,

    /// <summary>The value one (shortest) season earlier.</summary>
    SeasonalNaive,
}
