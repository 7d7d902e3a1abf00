namespace VibeCheck.Cameras;

/// <summary>One valid camera of the NYC DOT registry.</summary>
/// <param name="Id">The camera's UUID, as the API gives it.</param>
/// <param name="Name">Street location, e.g. "Atlantic Ave @ Pennsylvania Ave".</param>
/// <param name="Borough">The registry's <c>area</c> field (Manhattan, Brooklyn, ...).</param>
/// <param name="IsOnline">The registry's own online flag (a string "true" in the real API).</param>
/// <param name="ImageUrl">Where the latest JPEG is served; always on the configured host.</param>
public sealed record CameraInfo(
    Guid Id,
    string Name,
    double Latitude,
    double Longitude,
    string Borough,
    bool IsOnline,
    Uri ImageUrl);
