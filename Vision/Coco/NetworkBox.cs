namespace VibeCheck.Vision.Coco;

/// <summary>One decoded detection in network input pixels (corners), before NMS.</summary>
public readonly record struct NetworkBox(int ClassId, float Score, float X1, float Y1, float X2, float Y2);
