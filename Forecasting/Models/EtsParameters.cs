namespace VibeCheck.Forecasting.Models;

/// <summary>Smoothing parameters and initial states of an additive ETS model, in R <c>forecast::ets</c> conventions.</summary>
/// <param name="Alpha">Level smoothing.</param>
/// <param name="Beta">Trend smoothing (error-correction form, not β*).</param>
/// <param name="Gamma">Seasonal smoothing.</param>
/// <param name="Phi">Damping (1 for an undamped trend).</param>
/// <param name="Level">Initial level l0.</param>
/// <param name="Slope">Initial slope b0.</param>
/// <param name="Seasonal">Initial seasonal states s0, s−1, …, s−m+1 (R's order).</param>
public sealed record EtsParameters(double Alpha, double Beta, double Gamma, double Phi, double Level, double Slope, double[] Seasonal);
