namespace VibeCheck.Vision.Zones;

/// <summary>
/// Checks a camera's zones before they are stored: what the gateway turns into a 400. Returns readable errors, empty
/// when the zones are acceptable.
/// </summary>
public static class ZoneValidator
{
    /// <summary>Most zones one camera may have.</summary>
    public const int MaxZones = 32;

    /// <summary>Fewest polygon points.</summary>
    public const int MinPoints = 3;

    /// <summary>Most polygon points.</summary>
    public const int MaxPoints = 64;

    /// <summary>Longest zone name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Errors in <paramref name="zones"/> for a frame of the given size (352×240 for NYC DOT cameras).</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Zone>? zones, int frameWidth = 352, int frameHeight = 240)
    {
        var errors = new List<string>();
        if (zones is null)
        {
            return errors;
        }

        if (zones.Count > MaxZones)
        {
            errors.Add($"at most {MaxZones} zones per camera, got {zones.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var label = Label(i, null);
            if (zone is null)
            {
                errors.Add($"{label}: missing");
                continue;
            }

            if (string.IsNullOrWhiteSpace(zone.Name) || zone.Name.Length > MaxNameLength)
            {
                errors.Add($"{label}: name must be 1..{MaxNameLength} characters");
            }
            else
            {
                label = Label(i, zone.Name);
                if (!names.Add(zone.Name))
                {
                    errors.Add($"{label}: duplicate name");
                }
            }

            if (!Enum.IsDefined(zone.Type))
            {
                errors.Add($"{label}: unknown type; use one of {string.Join(", ", ZoneTypeNames.All)}");
            }

            errors.AddRange(PolygonErrors(zone.Points, frameWidth, frameHeight).Select(e => $"{label}: {e}"));
        }

        return errors;
    }

    /// <summary>
    /// How an error names its zone: <c>zone 2</c> or <c>zone 2 'north lane'</c>. Always the index first, so that a
    /// client (the gateway's <c>zoneErrors</c>) can put the error next to the zone it concerns.
    /// </summary>
    public static string Label(int index, string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength ? $"zone {index}" : $"zone {index} '{name}'";

    private static IEnumerable<string> PolygonErrors(IReadOnlyList<PixelPoint>? points, int width, int height)
    {
        if (points is null || points.Count < MinPoints || points.Count > MaxPoints)
        {
            yield return $"a polygon needs {MinPoints}..{MaxPoints} points, got {points?.Count ?? 0}";
            yield break;
        }

        var outside = points.Where(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y) || p.X < 0 || p.Y < 0 || p.X > width || p.Y > height).ToList();
        if (outside.Count > 0)
        {
            yield return $"points outside the {width}x{height} frame: {string.Join(" ", outside.Select(p => $"[{p.X},{p.Y}]"))}";
            yield break;
        }

        if (PolygonMath.FindSelfIntersection(points) is { } crossing)
        {
            yield return $"the polygon is not simple: edges {crossing.A} and {crossing.B} cross";
            yield break;
        }

        if (Math.Abs(PolygonMath.SignedArea(points)) < 1)
        {
            yield return "the polygon has no area";
        }
    }
}
