namespace VibeCheck.Grains.Interfaces.Forecasting;

/// <summary>A bucket whose activity fell outside the interval expected for its time of day and week.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-anomaly")]
public sealed record ActivityAnomaly(
    [property: Id(0)] DateTimeOffset BucketStart,
    [property: Id(1)] double Value,
    [property: Id(2)] double Expected,
    [property: Id(3)] double Lower,
    [property: Id(4)] double Upper);

/// <summary>Anomalies over a camera's stored history, oldest first, or why the scan could not be made.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-anomaly-report")]
public sealed record ActivityAnomalyReport(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] PredictionStatus Status,
    [property: Id(2)] string? Message,
    [property: Id(3)] double Probability,
    [property: Id(4)] int HistoryBuckets,
    [property: Id(5)] IReadOnlyList<ActivityAnomaly> Anomalies);

/// <summary>Size and span of a camera's stored activity series.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-series-summary")]
public sealed record ActivitySeriesSummary(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] int Buckets,
    [property: Id(2)] DateTimeOffset? FirstBucketStart,
    [property: Id(3)] DateTimeOffset? LastBucketStart,
    [property: Id(4)] long TotalActivity);
