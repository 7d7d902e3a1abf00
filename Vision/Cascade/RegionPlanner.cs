using OpenCvSharp;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Vision.Cascade;

/// <summary>
/// Frigate's cascade for snapshot cameras: the detector looks where something moved and at stationary objects due
/// for a re-check, and at the whole frame on the first frame and periodically. Of the ways to cover what must be
/// looked at (each region apart, one box around them all, the whole frame) it takes the cheapest by the detector's
/// own cost of a look. Pure.
/// </summary>
public static class RegionPlanner
{
    /// <summary>The plan for frame number <paramref name="frame"/> (1-based) of size <paramref name="width"/>×<paramref name="height"/>.</summary>
    /// <param name="cost">What one detector call on a region costs (the detector's input pixels plus its per-call overhead).</param>
    public static DetectorPlan Plan(
        int width, int height, IReadOnlyList<Rect>? motion, IReadOnlyList<TrackedObject> tracks, long frame, CascadeOptions options, Func<Rect, double> cost)
    {
        if (!options.Enabled)
        {
            return new DetectorPlan(true, [], "cascade off");
        }

        if (motion is null)
        {
            return new DetectorPlan(true, [], "no previous frame");
        }

        if ((frame - 1) % options.FullFrameEvery == 0)
        {
            return new DetectorPlan(true, [], "periodic");
        }

        var wanted = motion.ToList();
        var due = tracks.Where(t => frame - t.LastVerifiedFrame >= options.ReverifyEvery).ToList();
        wanted.AddRange(due.Select(t => new Rect((int)t.Box.X, (int)t.Box.Y, (int)Math.Ceiling(t.Box.Width), (int)Math.Ceiling(t.Box.Height))));
        if (wanted.Count == 0)
        {
            return new DetectorPlan(false, [], "no motion");
        }

        var frameRect = new Rect(0, 0, width, height);
        var regions = Merge(wanted.Select(r => Grow(r, options, frameRect)).ToList());
        var reason = due.Count > 0 ? "motion and re-check" : "motion";
        var apart = regions.Sum(cost);
        var around = regions.Aggregate((a, b) => a | b);
        var together = cost(around);
        var whole = cost(frameRect) * options.FullFrameShare;
        if (whole <= Math.Min(apart, together))
        {
            return new DetectorPlan(true, [], "motion over most of the frame");
        }

        return apart <= together
            ? new DetectorPlan(false, regions, reason)
            : new DetectorPlan(false, [around], reason + ", one box");
    }

    private static Rect Grow(Rect r, CascadeOptions options, Rect frame)
    {
        var grown = new Rect(r.X - options.RegionMargin, r.Y - options.RegionMargin, r.Width + (2 * options.RegionMargin), r.Height + (2 * options.RegionMargin));
        if (grown.Width < options.MinRegionSide)
        {
            grown.X -= (options.MinRegionSide - grown.Width) / 2;
            grown.Width = options.MinRegionSide;
        }

        if (grown.Height < options.MinRegionSide)
        {
            grown.Y -= (options.MinRegionSide - grown.Height) / 2;
            grown.Height = options.MinRegionSide;
        }

        // Shift back inside rather than cut, so a region at the edge keeps its size (and its context).
        grown.X = Math.Clamp(grown.X, 0, Math.Max(0, frame.Width - grown.Width));
        grown.Y = Math.Clamp(grown.Y, 0, Math.Max(0, frame.Height - grown.Height));
        return grown & frame;
    }

    private static List<Rect> Merge(List<Rect> regions)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < regions.Count && !merged; i++)
            {
                for (var j = i + 1; j < regions.Count; j++)
                {
                    if (regions[i].IntersectsWith(regions[j]))
                    {
                        regions[i] = regions[i] | regions[j];
                        regions.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }

        return regions;
    }
}
