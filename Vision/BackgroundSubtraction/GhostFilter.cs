using OpenCvSharp;

namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>
/// Tells a real object from a ghost: when something that was in the background leaves (a queue that was waiting
/// when the model started, a car that parked for an hour), the uncovered street differs from the background and
/// looks like foreground. A real object brings its own edges into the picture; a ghost's edges are in the
/// background, not in the frame. So a blob whose outline (a band of ±2 px around its border) has clearly more
/// gradient energy in the background than in the frame is a ghost. Only the outline is compared: a flat-bodied
/// vehicle on textured paving has less texture inside than the street it covers, but a strong outline.
/// </summary>
internal sealed class GhostFilter : IDisposable
{
    private readonly Mat _frameGradient = new();
    private readonly Mat _backgroundGradient = new();
    private readonly Mat _background8 = new();
    private readonly Mat _dx = new();
    private readonly Mat _dy = new();
    private readonly Mat _mask = new();
    private readonly Mat _outer = new();
    private readonly Mat _inner = new();
    private readonly Mat _band = new();
    private readonly Mat _kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));

    /// <summary>Background gradient energy above this multiple of the frame's marks a ghost.</summary>
    public const double GhostRatio = 1.25;

    private Mat? _frame8;
    private Mat? _background32;

    /// <summary>Sets the frame (8-bit) and lighting-matched background (float) the next <see cref="IsGhost"/> calls compare.</summary>
    public void Prepare(Mat frame8, Mat background32)
    {
        _frame8 = frame8;
        _background32 = background32;
    }

    /// <summary>True when the blob's outline has clearly more edge energy in the background than in the frame; <paramref name="mask"/> receives the blob's mask inside its box.</summary>
    public bool IsGhost(Blob blob, Mat labels, out Mat mask)
    {
        using (var labelRoi = new Mat(labels, blob.Box))
        {
            Cv2.Compare(labelRoi, Scalar.All(blob.Label), _mask, CmpTypes.EQ);
        }

        mask = _mask;
        // The outline band needs room outside the box: compare in a box grown by 3 px (clipped to the frame).
        var grown = Rect.Intersect(
            new Rect(blob.Box.X - 3, blob.Box.Y - 3, blob.Box.Width + 6, blob.Box.Height + 6),
            new Rect(0, 0, labels.Cols, labels.Rows));
        using (var labelRoi = new Mat(labels, grown))
        {
            Cv2.Compare(labelRoi, Scalar.All(blob.Label), _outer, CmpTypes.EQ);
        }

        Cv2.Erode(_outer, _inner, _kernel);
        Cv2.Dilate(_outer, _band, _kernel);
        Cv2.Subtract(_band, _inner, _band);
        // Gradients only around this blob: blobs cover a few percent of the picture.
        using (var frameRoi = new Mat(_frame8!, grown))
        {
            Gradient(frameRoi, _frameGradient);
        }

        using (var backgroundRoi = new Mat(_background32!, grown))
        {
            backgroundRoi.ConvertTo(_background8, MatType.CV_8U);
        }

        Gradient(_background8, _backgroundGradient);
        var inFrame = Cv2.Mean(_frameGradient, _band).Val0;
        var inBackground = Cv2.Mean(_backgroundGradient, _band).Val0;
        return inBackground > (GhostRatio * inFrame) + 2;
    }

    private void Gradient(Mat gray, Mat magnitude)
    {
        Cv2.Sobel(gray, _dx, MatType.CV_16S, 1, 0);
        Cv2.Sobel(gray, _dy, MatType.CV_16S, 0, 1);
        Cv2.ConvertScaleAbs(_dx, _dx);
        Cv2.ConvertScaleAbs(_dy, _dy);
        Cv2.AddWeighted(_dx, 0.5, _dy, 0.5, 0, magnitude);
    }

    public void Dispose()
    {
        _frameGradient.Dispose();
        _backgroundGradient.Dispose();
        _background8.Dispose();
        _dx.Dispose();
        _dy.Dispose();
        _mask.Dispose();
        _outer.Dispose();
        _inner.Dispose();
        _band.Dispose();
        _kernel.Dispose();
    }
}
