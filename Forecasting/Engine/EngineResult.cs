namespace VibeCheck.Forecasting.Engine;

/// <summary>Output of the array-level engine: forecasts, their standard deviations and the decomposition of the input.</summary>
internal sealed record EngineResult(
    string Model,
    double[] Mean,
    double[] StdDev,
    int[] Periods,
    double[] Trend,
    double[][] Seasonal,
    double[] Residual);
