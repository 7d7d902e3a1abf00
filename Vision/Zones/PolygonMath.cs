namespace VibeCheck.Vision.Zones;

/// <summary>Small polygon computations for zone validation.</summary>
internal static class PolygonMath
{
    public static double SignedArea(IReadOnlyList<PixelPoint> p)
    {
        var sum = 0.0;
        for (int i = 0, j = p.Count - 1; i < p.Count; j = i++)
        {
            sum += (p[j].X * p[i].Y) - (p[i].X * p[j].Y);
        }

        return sum / 2;
    }

    /// <summary>The first pair of edges (edge k joins point k and k+1) that touch other than at a shared vertex; O(n²), n ≤ 64.</summary>
    public static (int A, int B)? FindSelfIntersection(IReadOnlyList<PixelPoint> p)
    {
        var n = p.Count;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var adjacent = b == a + 1 || (a == 0 && b == n - 1);
                var (a1, a2, b1, b2) = (p[a], p[(a + 1) % n], p[b], p[(b + 1) % n]);
                if (adjacent)
                {
                    // Neighbours share a vertex; they are only wrong when they fold back onto each other.
                    if (Cross(a1, a2, b2) == 0 && Cross(b1, b2, a1) == 0 && Dot(a1, a2, b1, b2) < 0 && n > 3)
                    {
                        return (a, b);
                    }

                    continue;
                }

                if (SegmentsTouch(a1, a2, b1, b2))
                {
                    return (a, b);
                }
            }
        }

        return null;
    }

    private static double Cross(PixelPoint o, PixelPoint a, PixelPoint b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));

    private static double Dot(PixelPoint a1, PixelPoint a2, PixelPoint b1, PixelPoint b2) =>
        ((a2.X - a1.X) * (b2.X - b1.X)) + ((a2.Y - a1.Y) * (b2.Y - b1.Y));

    private static bool SegmentsTouch(PixelPoint p1, PixelPoint p2, PixelPoint q1, PixelPoint q2)
    {
        var d1 = Math.Sign(Cross(q1, q2, p1));
        var d2 = Math.Sign(Cross(q1, q2, p2));
        var d3 = Math.Sign(Cross(p1, p2, q1));
        var d4 = Math.Sign(Cross(p1, p2, q2));
        if (d1 * d2 < 0 && d3 * d4 < 0)
        {
            return true;
        }

        return (d1 == 0 && OnSegment(q1, q2, p1)) || (d2 == 0 && OnSegment(q1, q2, p2))
            || (d3 == 0 && OnSegment(p1, p2, q1)) || (d4 == 0 && OnSegment(p1, p2, q2));
    }

    private static bool OnSegment(PixelPoint a, PixelPoint b, PixelPoint p) =>
        p.X >= Math.Min(a.X, b.X) && p.X <= Math.Max(a.X, b.X) && p.Y >= Math.Min(a.Y, b.Y) && p.Y <= Math.Max(a.Y, b.Y);
}
