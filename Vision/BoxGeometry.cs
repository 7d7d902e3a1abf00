namespace VibeCheck.Vision;

/// <summary>Overlap measures between boxes, shared by the episode tracker, NMS and the evaluation bench.</summary>
public static class BoxGeometry
{
    /// <summary>Intersection over union in [0, 1]; 0 when either box is empty.</summary>
    public static double IoU(BoundingBox a, BoundingBox b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var intersection = w * h;
        var union = (a.Width * a.Height) + (b.Width * b.Height) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
