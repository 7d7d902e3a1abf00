namespace VibeCheck.Forecasting.Decomposition;

/// <summary>Outcome of MSTL: observed = trend + Σ seasonal[i] + residual, one seasonal row per period.</summary>
public sealed record MstlResult(int[] Periods, double[] Trend, double[][] Seasonal, double[] Residual);
