using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision.Tracking;

/// <summary>Candidate (track, detection) pairs, best first: overlap, then centre distance; vehicles match across classes.</summary>
internal static class TrackMatching
{
    public static List<(int Track, int Detection)> Pairs(IReadOnlyList<TrackedObject> tracks, IReadOnlyList<Detection> detections, ObjectTrackerOptions options)
    {
        var pairs = new List<(int Track, int Detection, double Score)>();
        for (var t = 0; t < tracks.Count; t++)
        {
            for (var d = 0; d < detections.Count; d++)
            {
                if (Group(tracks[t].Label) != Group(detections[d].Label))
                {
                    continue;
                }

                var iou = BoxGeometry.IoU(tracks[t].Box, detections[d].Box);
                if (iou >= options.MatchIoU)
                {
                    pairs.Add((t, d, 1 + iou));
                    continue;
                }

                var limit = options.MatchCentreDistance * Math.Max(tracks[t].Box.Width, tracks[t].Box.Height);
                var distance = CentreDistance(tracks[t].Box, detections[d].Box);
                if (limit > 0 && distance <= limit)
                {
                    pairs.Add((t, d, 1 - (distance / limit)));
                }
            }
        }

        return pairs.OrderByDescending(p => p.Score).Select(p => (p.Track, p.Detection)).ToList();
    }

    private static string Group(string label) => CocoClasses.Vehicles.Contains(label) ? CoarseClassifier.Vehicle : label;

    private static double CentreDistance(BoundingBox a, BoundingBox b)
    {
        var dx = (a.X + (a.Width / 2)) - (b.X + (b.Width / 2));
        var dy = (a.Y + (a.Height / 2)) - (b.Y + (b.Height / 2));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
