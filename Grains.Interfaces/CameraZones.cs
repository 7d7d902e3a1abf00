namespace VibeCheck.Grains.Interfaces;

/// <summary>
/// A named pixel polygon of a camera's picture with a street-use type (<c>bike_lane</c>, <c>bus_lane</c>,
/// <c>crosswalk</c>, <c>box</c>, <c>no_standing</c>, <c>sidewalk</c>, <c>roadway</c>). Points in pixels, top-left origin.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-zone")]
public sealed record CameraZone(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] IReadOnlyList<ZonePoint> Points);

/// <summary>A zone polygon vertex in pixels.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.zone-point")]
public sealed record ZonePoint([property: Id(0)] double X, [property: Id(1)] double Y);

/// <summary>The answer to replacing a camera's zones: accepted, or the readable reasons they were refused.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.zone-update-result")]
public sealed record ZoneUpdateResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] IReadOnlyList<string> Errors,
    [property: Id(2)] IReadOnlyList<CameraZone> Zones);

/// <summary>
/// A camera's detection bookkeeping: zones, episodes, and hand-offs still waiting for their receiving grain
/// (violation reports to <c>IViolationGrain</c>, closed activity buckets to <c>ICameraForecastGrain</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-detection-status")]
public sealed record CameraDetectionStatus(
    [property: Id(0)] int Zones,
    [property: Id(1)] int OpenEpisodes,
    [property: Id(2)] int ResolvedEpisodes,
    [property: Id(3)] int PendingViolationReports,
    [property: Id(4)] int PendingActivityReports,
    [property: Id(5)] DateTimeOffset? CurrentBucketStart,
    [property: Id(6)] int CurrentBucketFrames,
    [property: Id(7)] long ViolationReportsSent,
    [property: Id(8)] long ActivityReportsSent);
