using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;
using VibeCheck.Vision.Zones;

namespace VibeCheck.Grains.Cameras;

/// <summary>Zones between the wire records of the grain interface and the vision library, with validation.</summary>
public static class CameraZoneMapping
{
    public static CameraZone ToContract(this Zone zone) =>
        new(zone.Name, ZoneTypeNames.ToName(zone.Type), zone.Points.Select(p => new ZonePoint(p.X, p.Y)).ToList());

    /// <summary>
    /// The vision zones for <paramref name="zones"/> and every reason to refuse them (unknown type names, then the
    /// <see cref="ZoneValidator"/>'s findings for a frame of the given size); the zones are usable only when no error is listed.
    /// </summary>
    public static (List<Zone> Zones, List<string> Errors) ToZones(IReadOnlyList<CameraZone?>? zones, int frameWidth, int frameHeight)
    {
        var errors = new List<string>();
        var result = new List<Zone>();
        if (zones is null)
        {
            errors.Add("zones are missing; send a JSON array (empty to remove all zones)");
            return (result, errors);
        }

        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            if (zone is null)
            {
                errors.Add($"{ZoneValidator.Label(i, null)}: missing");
                continue;
            }

            if (!ZoneTypeNames.TryParse(zone.Type, out var type))
            {
                errors.Add($"{ZoneValidator.Label(i, zone.Name)}: unknown type '{zone.Type}'; use one of {string.Join(", ", ZoneTypeNames.All)}");
            }

            var points = (zone.Points ?? []).Select(p => p is null ? new PixelPoint(double.NaN, double.NaN) : new PixelPoint(p.X, p.Y)).ToList();
            result.Add(new Zone(zone.Name ?? "", type, points));
        }

        errors.AddRange(ZoneValidator.Validate(result, frameWidth, frameHeight));
        return (result, errors);
    }
}
