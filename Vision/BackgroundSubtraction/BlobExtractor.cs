using OpenCvSharp;

namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>Turns a foreground mask into classified boxes: morphology to close car bodies and drop speckle, then connected components.</summary>
internal sealed class BlobExtractor(BackgroundSubtractionOptions options) : IDisposable
{
    private readonly Mat _open = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly Mat _close = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(7, 7));
    private readonly Mat _labels = new();
    private readonly Mat _stats = new();
    private readonly Mat _centroids = new();

    public List<Detection> Extract(Mat foreground, int frameHeight)
    {
        Cv2.MorphologyEx(foreground, foreground, MorphTypes.Open, _open);
        Cv2.MorphologyEx(foreground, foreground, MorphTypes.Close, _close);
        var count = Cv2.ConnectedComponentsWithStats(foreground, _labels, _stats, _centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        var found = new List<(Detection Detection, int Area)>();
                for (var i = 1; i < count; i++)
        {
            var area = _stats.At<int>(i, (int)ConnectedComponentsTypes.Area);
            if (area < options.MinBlobArea)
            {
                continue;
            }

            var box = new BoundingBox(
                _stats.At<int>(i, (int)ConnectedComponentsTypes.Left),
                _stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                _stats.At<int>(i, (int)ConnectedComponentsTypes.Width),
                _stats.At<int>(i, (int)ConnectedComponentsTypes.Height));
            var (label, confidence) = CoarseClassifier.Classify(box, area, frameHeight, options);
            found.Add((new Detection(label, confidence, box), area));
        }

        return found.OrderByDescending(f => f.Area).Take(options.MaxDetections).Select(f => f.Detection).ToList();
    }

    public void Dispose()
    {
        _open.Dispose();
        _close.Dispose();
        _labels.Dispose();
        _stats.Dispose();
        _centroids.Dispose();
    }
}
