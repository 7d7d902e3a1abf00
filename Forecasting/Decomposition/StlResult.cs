namespace VibeCheck.Forecasting.Decomposition;

/// <summary>Outcome of an STL fit: observed = trend + seasonal + residual; weights are the robustness weights.</summary>
public sealed record StlResult(double[] Trend, double[] Seasonal, double[] Residual, double[] Weights);
