namespace VibeCheck.Forecasting;

/// <summary>Forecasts of one series, or the reason there are none. A plain record: safe to serialise and cache.</summary>
/// <param name="Status">Whether forecasts were made.</param>
/// <param name="Message">Why not, when <see cref="Status"/> is not <see cref="ForecastStatus.Ok"/>.</param>
/// <param name="Model">The model(s) chosen, e.g. <c>MSTL+ETS(AAdN) + MSTL+Theta</c>.</param>
/// <param name="Level">Coverage probability of the intervals.</param>
/// <param name="Step">Spacing of the regularised series and of the forecasts.</param>
/// <param name="Points">One forecast per step ahead.</param>
/// <param name="Decomposition">The decomposition of the history, when forecasts were made.</param>
public sealed record ForecastResult(
    ForecastStatus Status,
    string? Message,
    string Model,
    double Level,
    TimeSpan Step,
    IReadOnlyList<ForecastPoint> Points,
    SeriesDecomposition? Decomposition)
{
    /// <summary>A result that says the history cannot support a forecast.</summary>
    public static ForecastResult InsufficientHistory(string message, double level, TimeSpan step) =>
        new(ForecastStatus.InsufficientHistory, message, "none", level, step, [], null);
}
