namespace VibeCheck.Grains.Interfaces;

/// <summary>A camera as the registry knows it.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-registration")]
public sealed record CameraRegistration(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] double Latitude,
    [property: Id(3)] double Longitude,
    [property: Id(4)] string Borough,
    [property: Id(5)] bool ListedOnline,
    [property: Id(6)] string ImageUrl);
