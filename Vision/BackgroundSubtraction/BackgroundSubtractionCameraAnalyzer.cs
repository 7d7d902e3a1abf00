using OpenCvSharp;
using VibeCheck.Vision.Statistics;
using VibeCheck.Vision.Zones;

namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>One camera's model-free pipeline: decode to grey, statistics, blur, background difference, blobs, zones.</summary>
internal sealed class BackgroundSubtractionCameraAnalyzer(BackgroundSubtractionOptions options, string detector) : ICameraFrameAnalyzer
{
    private readonly BackgroundModel _model = new(options);
    private readonly BlobExtractor _blobs = new(options);
    private readonly GhostFilter _ghosts = new();
    private List<BoundingBox> _previousVehicles = [];
    private readonly Mat _blurred = new();
    private readonly Mat _foreground = new();
    private bool _disposed;

    public FrameAnalysis Analyze(ReadOnlyMemory<byte> jpeg, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var gray = FrameDecoder.TryDecode(jpeg, ImreadModes.Grayscale, out var error);
        if (gray is null)
        {
            return FrameAnalysis.Failed(error!, detector);
        }

        try
        {
            var statistics = FrameStatisticsCalculator.ComputeFromGray(gray, gray.Cols, gray.Rows, options.ClockBandRows);
            Cv2.GaussianBlur(gray, _blurred, new Size(options.BlurKernel, options.BlurKernel), 0);
            IReadOnlyList<Detection> detections = _model.Update(_blurred, options.ClockBandRows, _foreground)
                ? Detect(gray.Rows)
                : [];
            return new FrameAnalysis(null, statistics, detections, ZoneGeometry.Occupancy(detections, zones), detector);
        }
        catch (OpenCVException ex)
        {
            // A decodable frame that OpenCV still rejects (odd depth or size) is a bad frame, not a grain failure.
            return FrameAnalysis.Failed($"analysis failed: {ex.Message}", detector);
        }
    }

    private List<Detection> Detect(int frameHeight)
    {
        var blobs = _blobs.Extract(_foreground);
        var detections = new List<Detection>();
        if (blobs.Count == 0)
        {
            _previousVehicles = [];
            return detections;
        }

        _ghosts.Prepare(_blurred, _model.LightingMatchedBackground);
        foreach (var blob in blobs)
        {
            if (blob.Box.Width * (double)blob.Box.Height > options.MaxObjectShare * _foreground.Rows * _foreground.Cols)
            {
                continue;
            }

            var box = new BoundingBox(blob.Box.X, blob.Box.Y, blob.Box.Width, blob.Box.Height);
            var (label, confidence) = CoarseClassifier.Classify(box, blob.Area, frameHeight, options);
            // Only vehicle-sized blobs are checked for ghosts: departed parked cars and queues are what lingers and
            // opens false episodes. A ghost does not move, so only boxes that were already there last frame are
            // checked: moving traffic skips the check (tens of microseconds a blob).
            if (label == CoarseClassifier.Vehicle && WasHereBefore(box) && _ghosts.IsGhost(blob, _blobs.Labels, out var mask))
            {
                // Learn the uncovered street at once instead of reporting a departed object for minutes.
                _model.Absorb(blob.Box, mask);
                continue;
            }

            if (detections.Count < options.MaxDetections)
            {
                detections.Add(new Detection(label, confidence, box));
            }
        }

        _previousVehicles = detections.Where(d => d.Label == CoarseClassifier.Vehicle).Select(d => d.Box).ToList();
        return detections;
    }

    private bool WasHereBefore(BoundingBox box) => _previousVehicles.Exists(p => BoxGeometry.IoU(p, box) > 0.5);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _model.Dispose();
        _blobs.Dispose();
        _ghosts.Dispose();
        _blurred.Dispose();
        _foreground.Dispose();
    }
}
