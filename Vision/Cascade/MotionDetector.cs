using OpenCvSharp;

namespace VibeCheck.Vision.Cascade;

/// <summary>
/// Where the picture changed since the previous frame of the same camera: grey difference, threshold, dilation that
/// joins nearby changes into blobs, the blobs' outer contours. A blob counts when enough pixels changed inside it
/// (counted before the dilation, which would otherwise make every speck large enough). The first frame (and the
/// first after a size change) has no reference and returns null.
/// </summary>
internal sealed class MotionDetector(CascadeOptions options) : IDisposable
{
    private readonly Mat _previous = new();
    private readonly Mat _current = new();
    private readonly Mat _difference = new();
    private readonly Mat _blobs = new();
    private readonly Mat _kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));

    /// <summary>Boxes of the changed areas; null when there is nothing to compare with.</summary>
    public List<Rect>? Update(Mat bgr)
    {
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.GaussianBlur(grey, _current, new Size(5, 5), 0);
        var comparable = !_previous.Empty() && _previous.Size() == _current.Size();
        List<Rect>? boxes = null;
        if (comparable)
        {
            Cv2.Absdiff(_current, _previous, _difference);
            Cv2.Threshold(_difference, _difference, options.MotionThreshold, 255, ThresholdTypes.Binary);
            var band = Math.Min(options.ClockBandRows, _difference.Rows);
            if (band > 0)
            {
                using var clock = _difference.RowRange(0, band);
                clock.SetTo(Scalar.All(0));
            }

            Cv2.Dilate(_difference, _blobs, _kernel, iterations: 2);
            boxes = Blobs();
        }

        _current.CopyTo(_previous);
        return boxes;
    }

    private List<Rect> Blobs()
    {
        // Outer contours rather than connected components with statistics: the same boxes, a quarter of the time
        // (0.15 against 0.57 ms on a 352×240 frame), which is 4 % of a frame's whole analysis.
        Cv2.FindContours(_blobs, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var boxes = new List<Rect>(contours.Length);
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            using var changed = new Mat(_difference, box);
            if (Cv2.CountNonZero(changed) >= options.MinMotionArea)
            {
                boxes.Add(box);
            }
        }

        return boxes;
    }

    public void Dispose()
    {
        _previous.Dispose();
        _current.Dispose();
        _difference.Dispose();
        _blobs.Dispose();
        _kernel.Dispose();
    }
}
