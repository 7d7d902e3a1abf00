using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Grains.Alerts;

/// <summary><c>AlertMonitor</c>: the silo-side checks that raise system alerts (Redis, processing performance).</summary>
public sealed class SystemMonitorOptions
{
    public const string SectionName = "AlertMonitor";

    /// <summary>Runs the checks; default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between checks. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a breach must hold before its alert fires (Prometheus' <c>for:</c>). Default 2 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Redis PING slower than this is a breach. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RedisSlowThreshold { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>p95 of camera poll processing time above this (in the last interval) is a breach. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan LatencyP95Threshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of failed image fetches among polls above this is a breach. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRateThreshold { get; set; } = 0.5;

    /// <summary>Polls needed in an interval before latency or error rate is judged. Default 10.</summary>
    [Range(1, 1_000_000)]
    public int MinSamples { get; set; } = 10;
}
