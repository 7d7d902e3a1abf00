namespace VibeCheck.Grains.Interfaces;

/// <summary>A registry entry with the health its grain last reported.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-listing")]
public sealed record CameraListing(
    [property: Id(0)] CameraRegistration Camera,
    [property: Id(1)] CameraHealth Health,
    [property: Id(2)] bool Watched);

/// <summary>A registry entry that was not accepted, and why.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.rejected-entry")]
public sealed record RejectedEntry(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Reason);

/// <summary>What one registry sync did.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.registry-sync-report")]
public sealed record RegistrySyncReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] string? Error,
    [property: Id(3)] int Total,
    [property: Id(4)] int Added,
    [property: Id(5)] int Changed,
    [property: Id(6)] int Removed,
    [property: Id(7)] IReadOnlyList<RejectedEntry> Rejected);

/// <summary>How many cameras are in each health state.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.health-counts")]
public sealed record HealthCounts(
    [property: Id(0)] int Total,
    [property: Id(1)] int Watched,
    [property: Id(2)] IReadOnlyDictionary<CameraHealth, int> ByHealth);

/// <summary>The outcome of processing every watched camera once.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.poll-all-report")]
public sealed record PollAllReport(
    [property: Id(0)] int Cameras,
    [property: Id(1)] int Processed,
    [property: Id(2)] int CacheHits,
    [property: Id(3)] int Failed,
    [property: Id(4)] double ElapsedMs);
