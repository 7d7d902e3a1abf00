using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Contracts;

/// <summary>One camera in <c>GET /cameras</c>.</summary>
public sealed record CameraListItem(
    Guid Id, string Name, string Borough, double Latitude, double Longitude, string Health, bool Watched, bool ListedOnline)
{
    public static CameraListItem From(CameraListing listing) => new(
        listing.Camera.Id, listing.Camera.Name, listing.Camera.Borough, listing.Camera.Latitude, listing.Camera.Longitude,
        HealthNames.Of(listing.Health), listing.Watched, listing.Camera.ListedOnline);
}

/// <summary><c>GET /cameras</c>.</summary>
public sealed record CameraListResponse(int Count, IReadOnlyList<CameraListItem> Cameras);

/// <summary><c>GET /cameras/{id}</c>: the camera and its grain's state.</summary>
public sealed record CameraDetailResponse(
    Guid Id,
    string? Name,
    string? Borough,
    double? Latitude,
    double? Longitude,
    bool Watched,
    string Health,
    DateTimeOffset? HealthSince,
    string? LastFrameHash,
    DateTimeOffset? LastFrameTakenAt,
    DateTimeOffset? LastCheckedAt,
    string? LastError,
    int ConsecutiveFailures,
    CameraCounters Counters,
    AnalysisResponse? LastAnalysis)
{
    public static CameraDetailResponse From(CameraSnapshot s) => new(
        s.CameraId, s.Registration?.Name, s.Registration?.Borough, s.Registration?.Latitude, s.Registration?.Longitude,
        s.Watched, HealthNames.Of(s.Health), s.HealthSince, s.LastFrameHash, s.LastFrameTakenAt, s.LastCheckedAt,
        s.LastError, s.ConsecutiveFailures, s.Counters, AnalysisResponse.From(s.LastAnalysis));
}

/// <summary>Health as it appears in JSON and query strings: online, offline, frozen, being_serviced, unknown.</summary>
public static class HealthNames
{
    public static string Of(CameraHealth health) => health switch
    {
        CameraHealth.BeingServiced => "being_serviced",
        _ => health.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out CameraHealth health)
    {
        foreach (var candidate in Enum.GetValues<CameraHealth>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                health = candidate;
                return true;
            }
        }

        health = default;
        return false;
    }
}
