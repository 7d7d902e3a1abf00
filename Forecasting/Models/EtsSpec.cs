namespace VibeCheck.Forecasting.Models;

/// <summary>An additive-error exponential smoothing model in Hyndman et al.'s ETS taxonomy.</summary>
/// <param name="Trend">Whether the model has an additive trend.</param>
/// <param name="Damped">Whether the trend is damped (ignored without trend).</param>
/// <param name="SeasonPeriod">Additive seasonal period in steps, or 0 for none.</param>
public sealed record EtsSpec(bool Trend, bool Damped, int SeasonPeriod)
{
    /// <summary>The ETS name, e.g. <c>AAdA</c>.</summary>
    public string Name => "A" + (Trend ? (Damped ? "Ad" : "A") : "N") + (SeasonPeriod > 1 ? "A" : "N");
}
