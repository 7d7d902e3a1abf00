namespace VibeCheck.Grains.Interfaces;

/// <summary>Where a camera's activation runs, as the registry's watchdog learns it on every pass to balance the silos.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-placement")]
public sealed record CameraPlacement(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] bool Polling,
    [property: Id(2)] int OpenEpisodes);
