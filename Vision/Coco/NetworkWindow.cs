using OpenCvSharp;

namespace VibeCheck.Vision.Coco;

/// <summary>
/// Where a region of the frame lands in the network input: scaled by <see cref="Scale"/> and placed at the input's
/// top-left corner, the rest padded, input sides rounded up to the model's alignment.
/// </summary>
public readonly record struct NetworkWindow(Rect Region, double Scale, int InputWidth, int InputHeight)
{
    /// <summary>The window for <paramref name="region"/> at <paramref name="scale"/>, sides aligned.</summary>
    public static NetworkWindow For(Rect region, double scale, int alignment)
    {
        static int Align(double side, int a) => Math.Max(a, (int)Math.Ceiling(side / a) * a);
        return new NetworkWindow(region, scale, Align(region.Width * scale, alignment), Align(region.Height * scale, alignment));
    }

    /// <summary>Network input pixels of this window, the detector's cost driver.</summary>
    public long Pixels => (long)InputWidth * InputHeight;

    /// <summary>A network box (corners) in frame pixels, clipped to the frame.</summary>
    public BoundingBox ToFrame(double x1, double y1, double x2, double y2, int frameWidth, int frameHeight)
    {
        var left = Math.Clamp(Region.X + (x1 / Scale), 0, frameWidth);
        var top = Math.Clamp(Region.Y + (y1 / Scale), 0, frameHeight);
        var right = Math.Clamp(Region.X + (x2 / Scale), 0, frameWidth);
        var bottom = Math.Clamp(Region.Y + (y2 / Scale), 0, frameHeight);
        return new BoundingBox(left, top, right - left, bottom - top);
    }
}
