using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision.Coco;

/// <summary>
/// Cross-class suppression among vehicles: class-aware NMS keeps a van scored both "car" and "truck" twice, which
/// would count one vehicle twice in a zone. Persons and bicycles are left alone (a cyclist is both).
/// </summary>
public static class VehicleOverlap
{
    /// <summary>The detections without lower-scoring vehicle boxes that overlap a kept vehicle box by more than <paramref name="iou"/>.</summary>
    public static List<Detection> Suppress(IReadOnlyList<Detection> detections, double iou)
    {
        var kept = new List<Detection>(detections.Count);
        foreach (var d in detections.OrderByDescending(d => d.Confidence))
        {
            if (!CocoClasses.Vehicles.Contains(d.Label) || !kept.Exists(k => CocoClasses.Vehicles.Contains(k.Label) && BoxGeometry.IoU(k.Box, d.Box) > iou))
            {
                kept.Add(d);
            }
        }

        return kept;
    }
}
