namespace VibeCheck.Forecasting.Preprocessing;

/// <summary>A series on a fixed grid: <c>Values[i]</c> belongs to <c>Start + i·Step</c>; NaN where a long gap was left open.</summary>
/// <param name="Start">Time of the first bucket.</param>
/// <param name="Step">Bucket width.</param>
/// <param name="Values">Bucket means, short gaps interpolated, long gaps NaN.</param>
/// <param name="Observed">Whether the bucket held at least one observation.</param>
public sealed record RegularSeries(DateTimeOffset Start, TimeSpan Step, double[] Values, bool[] Observed)
{
    /// <summary>Number of buckets.</summary>
    public int Length => Values.Length;

    /// <summary>Timestamp of bucket <paramref name="index"/> (may lie beyond the end, for forecasts).</summary>
    public DateTimeOffset TimeAt(int index) => Start + Step * index;
}
