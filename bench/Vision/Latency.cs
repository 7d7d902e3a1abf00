namespace VibeCheck.Vision.Bench;

/// <summary>Median and 99th percentile (nearest rank) of timed samples.</summary>
internal static class Latency
{
    public static (double Median, double P99) Of(List<double> ms)
    {
        ms.Sort();
        return (ms[ms.Count / 2], ms[(int)Math.Min(ms.Count - 1, Math.Ceiling(ms.Count * 0.99) - 1)]);
    }
}
