using VibeCheck.Vision.Cascade;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Vision.Coco;

/// <summary>
/// The production detector: a pretrained COCO model (translated from TF.js at start) behind the motion cascade and
/// the tracker. One instance per silo shares the ONNX Runtime session; each camera gets its own cascade and tracks.
/// </summary>
public sealed class CocoFrameAnalyzer : IFrameAnalyzer, IDisposable
{
    private readonly ObjectTracker _tracker;

    /// <summary>Builds the analyser around a translated model; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public CocoFrameAnalyzer(TranslatedModel model, CocoDetectorOptions detector, CascadeOptions? cascade = null, ObjectTrackerOptions? tracking = null)
    {
        Cascade = cascade ?? new CascadeOptions();
        var errors = Cascade.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CascadeOptions: " + string.Join(" ", errors), nameof(cascade));
        }

        _tracker = new ObjectTracker(tracking);
        Detector = new CocoDetector(model, detector);
        Name = model.Spec.Kind == CocoModelKind.NanoDet ? "coco-nanodet" : "coco-centernet";
        Version = model.Version;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>The shared detector.</summary>
    public CocoDetector Detector { get; }

    /// <summary>The cascade settings.</summary>
    public CascadeOptions Cascade { get; }

    /// <summary>Detector work done against the every-frame baseline, all cameras.</summary>
    public CascadeCounters Counters { get; } = new();

    /// <inheritdoc />
    public ICameraFrameAnalyzer CreateForCamera(string cameraId) => new CocoCameraAnalyzer(this, _tracker, $"{Name}/{Version}");

    /// <inheritdoc />
    public void Dispose() => Detector.Dispose();
}
