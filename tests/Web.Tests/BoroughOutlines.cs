using System.Text.Json;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The served borough GeoJSON as rings of (longitude, latitude), with the two questions the tests ask: is a point
/// inside a borough (even-odd rule over all its rings, so holes count), and how far is it from one.
/// </summary>
public sealed class BoroughOutlines
{
    private const double MetresPerDegree = 111_320;
    private readonly Dictionary<string, List<(double X, double Y)[]>> _rings;

    private BoroughOutlines(Dictionary<string, List<(double X, double Y)[]>> rings) => _rings = rings;

    public IReadOnlyCollection<string> Names => _rings.Keys;

    public int VertexCount => _rings.Values.Sum(rings => rings.Sum(r => r.Length));

    public static BoroughOutlines Parse(JsonElement featureCollection)
    {
        var rings = new Dictionary<string, List<(double X, double Y)[]>>(StringComparer.Ordinal);
        foreach (var feature in featureCollection.GetProperty("features").EnumerateArray())
        {
            var name = feature.GetProperty("properties").GetProperty("name").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            rings[name] = [.. polygons.SelectMany(p => p.EnumerateArray())
                .Select(ring => ring.EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToArray())];
        }

        return new BoroughOutlines(rings);
    }

    public bool Contains(string borough, double longitude, double latitude)
    {
        var inside = false;
        foreach (var ring in _rings[borough])
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var (xi, yi) = ring[i];
                var (xj, yj) = ring[j];
                if ((yi > latitude) != (yj > latitude) && longitude < ((xj - xi) * (latitude - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>0 inside; otherwise metres to the nearest edge (flat-earth approximation, fine over a few km).</summary>
    public double DistanceMetres(string borough, double longitude, double latitude)
    {
        if (Contains(borough, longitude, latitude))
        {
            return 0;
        }

        var cos = Math.Cos(latitude * Math.PI / 180);
        var best = double.MaxValue;
        foreach (var ring in _rings[borough])
        {
            for (var i = 1; i < ring.Length; i++)
            {
                best = Math.Min(best, SegmentDistance(
                    ((ring[i - 1].X - longitude) * cos, ring[i - 1].Y - latitude),
                    ((ring[i].X - longitude) * cos, ring[i].Y - latitude)));
            }
        }

        return best * MetresPerDegree;
    }

    private static double SegmentDistance((double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = (dx * dx) + (dy * dy);
        var t = length == 0 ? 0 : Math.Clamp(-((a.X * dx) + (a.Y * dy)) / length, 0, 1);
        var (px, py) = (a.X + (t * dx), a.Y + (t * dy));
        return Math.Sqrt((px * px) + (py * py));
    }
}
