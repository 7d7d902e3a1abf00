using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Listens to this silo's camera instruments (processing duration, fetch failures) and hands out what was measured
/// since the last call: the input of the performance check.
/// </summary>
public sealed class ProcessingSamples : IDisposable
{
    private readonly MeterListener _listener = new();
    private ConcurrentQueue<double> _durations = new();
    private long _failures;

    public ProcessingSamples()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CameraMetrics.MeterName
                && instrument.Name is "vibecheck.frame.processing.duration" or "vibecheck.frame.fetch.failures")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _durations.Enqueue(value));
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _failures, value));
        _listener.Start();
    }

    /// <summary>Processing durations (seconds) and fetch failures since the previous call.</summary>
    public (IReadOnlyList<double> Durations, long Failures) Take()
    {
        var durations = Interlocked.Exchange(ref _durations, new ConcurrentQueue<double>());
        return ([.. durations], Interlocked.Exchange(ref _failures, 0));
    }

    /// <summary>95th percentile (nearest rank) of the values; 0 when empty.</summary>
    public static double P95(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public void Dispose() => _listener.Dispose();
}
