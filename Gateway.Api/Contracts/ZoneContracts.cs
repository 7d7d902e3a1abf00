using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Contracts;

/// <summary>
/// One zone of <c>PUT</c>/<c>GET /cameras/{id}/zones</c>: <c>{name, type, points: [[x, y], ...]}</c>, points in pixels
/// of the frame (top-left origin), type one of bike_lane, bus_lane, crosswalk, box, no_standing, sidewalk, roadway.
/// </summary>
public sealed record ZoneDocument(string? Name, string? Type, double[]?[]? Points)
{
    public static ZoneDocument From(CameraZone zone) =>
        new(zone.Name, zone.Type, zone.Points.Select(p => new[] { p.X, p.Y }).ToArray());
}
