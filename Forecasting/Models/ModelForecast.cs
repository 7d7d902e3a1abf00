namespace VibeCheck.Forecasting.Models;

/// <summary>Point forecasts and their standard deviations, one per step ahead, from one fitted model.</summary>
public sealed record ModelForecast(string Model, double[] Mean, double[] StdDev);
