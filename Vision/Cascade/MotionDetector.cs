using OpenCvSharp;

namespace VibeCheck.Vision.Cascade;

/// <summary>
/// Where the picture changed since the previous frame of the same camera: grey difference, threshold, dilation,
/// connected components. The first frame (and the first after a size change) has no reference and returns null.
/// </summary>
internal sealed class MotionDetector(CascadeOptions options) : IDisposable
{
    private readonly Mat _previous = new();
    private readonly Mat _current = new();
    private readonly Mat _difference = new();
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

            Cv2.Dilate(_difference, _difference, _kernel, iterations: 2);
            boxes = Components(_difference);
        }

        _current.CopyTo(_previous);
        return boxes;
    }

    private List<Rect> Components(Mat mask)
    {
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var boxes = new List<Rect>();
        for (var i = 1; i < count; i++)
        {
            if (stats.At<int>(i, (int)ConnectedComponentsTypes.Area) < options.MinMotionArea)
            {
                continue;
            }

            boxes.Add(new Rect(
                stats.At<int>(i, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Width),
                stats.At<int>(i, (int)ConnectedComponentsTypes.Height)));
        }

        return boxes;
    }

    public void Dispose()
    {
        _previous.Dispose();
        _current.Dispose();
        _difference.Dispose();
        _kernel.Dispose();
    }
}
