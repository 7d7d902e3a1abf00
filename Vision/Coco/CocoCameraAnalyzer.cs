using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using VibeCheck.Vision.Cascade;
using VibeCheck.Vision.Statistics;
using VibeCheck.Vision.Tracking;
using VibeCheck.Vision.Zones;

namespace VibeCheck.Vision.Coco;

/// <summary>One camera's production pipeline: decode, statistics, motion, plan, detector on the plan, tracker, zones.</summary>
internal sealed class CocoCameraAnalyzer(CocoFrameAnalyzer owner, ObjectTracker tracker, string detectorName) : ITrackingCameraAnalyzer
{
    private readonly MotionDetector _motion = new(owner.Cascade);
    private TrackerState _tracks = new();
    private bool _disposed;

    public TrackerState Tracks => _tracks;

    public void Restore(TrackerState state) => _tracks = state;

    public FrameAnalysis Analyze(ReadOnlyMemory<byte> jpeg, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var bgr = FrameDecoder.TryDecode(jpeg, ImreadModes.Color, out var error);
        if (bgr is null)
        {
            return FrameAnalysis.Failed(error!, detectorName);
        }

        try
        {
            var statistics = FrameStatisticsCalculator.Compute(bgr, owner.Cascade.ClockBandRows);
            var motion = _motion.Update(bgr);
            var plan = RegionPlanner.Plan(bgr.Cols, bgr.Rows, motion, _tracks.Tracks, _tracks.Frame + 1, owner.Cascade, LookCost);
            var detections = Detect(bgr, plan);
            var step = tracker.Step(_tracks, detections, plan.Examines, takenAt);
            _tracks = step.State;
            return new FrameAnalysis(null, statistics, step.Objects, ZoneGeometry.Occupancy(step.Objects, zones), detectorName);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or OpenCVException)
        {
            // A frame the detector cannot take fails this frame loudly in its error, not the grain.
            return FrameAnalysis.Failed($"detection failed: {ex.Message}", detectorName);
        }
    }

    private List<Detection> Detect(Mat bgr, DetectorPlan plan)
    {
        var detector = owner.Detector;
        var full = new Rect(0, 0, bgr.Cols, bgr.Rows);
        var fullPixels = detector.InputPixels(full);
        if (plan.FullFrame)
        {
            owner.Counters.Record(true, 0, fullPixels, fullPixels);
            return detector.Detect(bgr, full).ToList();
        }

        var found = new List<Detection>();
        long pixels = 0;
        foreach (var region in plan.Regions)
        {
            pixels += detector.InputPixels(region);
            // An object cut by a region's inner edge is seen in part: drop it, the next look will see it whole.
            found.AddRange(detector.Detect(bgr, region).Where(d => !TouchesInnerEdge(d.Box, region, full)));
        }

        owner.Counters.Record(false, plan.Regions.Count, pixels, fullPixels);
        return found;
    }

    private double LookCost(Rect region) => owner.Detector.InputPixels(region) + owner.Cascade.CallOverheadPixels;

    private static bool TouchesInnerEdge(BoundingBox box, Rect region, Rect frame)
    {
        const double Tolerance = 2;
        return (region.Left > frame.Left && box.X <= region.Left + Tolerance)
            || (region.Top > frame.Top && box.Y <= region.Top + Tolerance)
            || (region.Right < frame.Right && box.X + box.Width >= region.Right - Tolerance)
            || (region.Bottom < frame.Bottom && box.Y + box.Height >= region.Bottom - Tolerance);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _motion.Dispose();
    }
}
