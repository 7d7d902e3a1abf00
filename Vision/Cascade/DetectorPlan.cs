using OpenCvSharp;

namespace VibeCheck.Vision.Cascade;

/// <summary>Where the detector looks in one frame: the whole frame, some regions, or nowhere.</summary>
/// <param name="FullFrame">The whole frame is examined.</param>
/// <param name="Regions">The regions examined when not the whole frame (none when nothing moved or is due).</param>
/// <param name="Reason">Why (first frame, periodic, motion, re-check, large motion), for logs and benchmarks.</param>
public sealed record DetectorPlan(bool FullFrame, IReadOnlyList<Rect> Regions, string Reason)
{
    /// <summary>True when <paramref name="box"/>'s centre lies in an examined area.</summary>
    public bool Examines(BoundingBox box)
    {
        if (FullFrame)
        {
            return true;
        }

        var (cx, cy) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        foreach (var r in Regions)
        {
            if (cx >= r.Left && cx < r.Right && cy >= r.Top && cy < r.Bottom)
            {
                return true;
            }
        }

        return false;
    }
}
