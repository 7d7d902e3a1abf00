namespace VibeCheck.Vision.Onnx;

/// <summary>Class-aware greedy NMS: a box suppresses only lower-scoring boxes of its own class.</summary>
public static class NonMaxSuppression
{
    /// <summary>The kept detections, best first, at most <paramref name="maxDetections"/>.</summary>
    public static List<Detection> Apply(IEnumerable<(int ClassId, Detection Detection)> detections, double iouThreshold, int maxDetections)
    {
        var kept = new List<(int ClassId, Detection Detection)>();
        foreach (var candidate in detections.OrderByDescending(d => d.Detection.Confidence))
        {
            if (kept.Count >= maxDetections)
            {
                break;
            }

            if (!kept.Any(k => k.ClassId == candidate.ClassId && BoxGeometry.IoU(k.Detection.Box, candidate.Detection.Box) > iouThreshold))
            {
                kept.Add(candidate);
            }
        }

        return kept.Select(k => k.Detection).ToList();
    }
}
