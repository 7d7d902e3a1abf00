namespace VibeCheck.Grains.Interfaces.Forecasting;

/// <summary>One stored bucket of a camera's activity series: what was counted in the bucket starting at <see cref="Start"/>.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-history-bucket")]
public sealed record ActivityHistoryBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] int Vehicles,
    [property: Id(2)] int Persons,
    [property: Id(3)] int Violations);

/// <summary>The stored buckets of a camera's series from a time on, oldest first, as the forecasts see them.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-history-report")]
public sealed record ActivityHistoryReport(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] TimeSpan BucketLength,
    [property: Id(2)] IReadOnlyList<ActivityHistoryBucket> Buckets);
