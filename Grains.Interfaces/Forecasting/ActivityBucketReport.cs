namespace VibeCheck.Grains.Interfaces.Forecasting;

/// <summary>
/// One closed 5-minute activity bucket of a camera: object counts by class (vehicle, person, ...) and violation
/// counts by type. Idempotent by (CameraId, BucketStart): a bucket re-sent after a retry replaces itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.activity-bucket-report")]
public sealed record ActivityBucketReport(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] DateTimeOffset BucketStart,
    [property: Id(2)] TimeSpan BucketLength,
    [property: Id(3)] int FramesAnalysed,
    [property: Id(4)] IReadOnlyDictionary<string, int> CountsByClass,
    [property: Id(5)] IReadOnlyDictionary<string, int> ViolationsByType);
