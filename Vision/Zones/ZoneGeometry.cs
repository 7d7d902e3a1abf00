namespace VibeCheck.Vision.Zones;

/// <summary>Point-in-polygon and zone membership. An object is in a zone when the bottom-centre of its box (where it touches the street) is inside.</summary>
public static class ZoneGeometry
{
    /// <summary>Even-odd ray casting; points on an edge count as inside half the time, which does not matter at pixel scale.</summary>
    public static bool Contains(IReadOnlyList<PixelPoint> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var a = polygon[i];
            var b = polygon[j];
            if ((a.Y > y) != (b.Y > y) && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>True when the detection's bottom-centre lies in the zone.</summary>
    public static bool Contains(Zone zone, BoundingBox box)
    {
        var (x, y) = box.BottomCentre;
        return Contains(zone.Points, x, y);
    }

    /// <summary>Per zone name, how many detections stand in it. Every zone is present, with 0 when empty.</summary>
    public static IReadOnlyDictionary<string, int> Occupancy(IReadOnlyList<Detection> detections, IReadOnlyList<Zone> zones)
    {
        var counts = new Dictionary<string, int>(zones.Count, StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            var n = 0;
            foreach (var detection in detections)
            {
                if (Contains(zone, detection.Box))
                {
                    n++;
                }
            }

            counts[zone.Name] = n;
        }

        return counts;
    }
}
