using OpenCvSharp;

namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>A connected foreground region: its box, pixel count and label in <see cref="BlobExtractor.Labels"/>.</summary>
internal readonly record struct Blob(Rect Box, int Area, int Label);

/// <summary>Turns a foreground mask into blobs: morphology (rectangular kernels: separable, so cheap) to close car bodies and drop speckle, then connected components.</summary>
internal sealed class BlobExtractor(BackgroundSubtractionOptions options) : IDisposable
{
    private readonly Mat _open = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly Mat _close = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7));
    private readonly Mat _stats = new();
    private readonly Mat _centroids = new();

    /// <summary>Component labels of the latest <see cref="Extract"/> (CV_32S).</summary>
    public Mat Labels { get; } = new();

    /// <summary>Blobs of at least <see cref="BackgroundSubtractionOptions.MinBlobArea"/> pixels, largest first.</summary>
    public List<Blob> Extract(Mat foreground)
    {
        Cv2.MorphologyEx(foreground, foreground, MorphTypes.Open, _open);
        Cv2.MorphologyEx(foreground, foreground, MorphTypes.Close, _close);
        var count = Cv2.ConnectedComponentsWithStats(foreground, Labels, _stats, _centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        var blobs = new List<Blob>();
        for (var i = 1; i < count; i++)
        {
            var area = _stats.At<int>(i, (int)ConnectedComponentsTypes.Area);
            if (area >= options.MinBlobArea)
            {
                blobs.Add(new Blob(
                    new Rect(
                        _stats.At<int>(i, (int)ConnectedComponentsTypes.Left),
                        _stats.At<int>(i, (int)ConnectedComponentsTypes.Top),
                        _stats.At<int>(i, (int)ConnectedComponentsTypes.Width),
                        _stats.At<int>(i, (int)ConnectedComponentsTypes.Height)),
                    area,
                    i));
            }
        }

        blobs.Sort((a, b) => b.Area.CompareTo(a.Area));
        return blobs;
    }

    public void Dispose()
    {
        _open.Dispose();
        _close.Dispose();
        Labels.Dispose();
        _stats.Dispose();
        _centroids.Dispose();
    }
}
