using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Cascade;
using VibeCheck.Vision.Coco;
using VibeCheck.Vision.Onnx;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Vision;

/// <summary>Which detector the cameras use, bound from configuration section <c>Vision</c>.</summary>
public sealed record FrameAnalyzerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision";

    /// <summary>The detector; a configured YOLO export (<see cref="OnnxDetectorOptions.ModelPath"/>) overrides it.</summary>
    public DetectorKind Detector { get; init; } = DetectorKind.Coco;

    /// <summary>The COCO detector's model and thresholds.</summary>
    public CocoDetectorOptions Coco { get; init; } = new();

    /// <summary>When the COCO detector runs (motion, re-checks, periodic whole frames).</summary>
    public CascadeOptions Cascade { get; init; } = new();

    /// <summary>How objects are followed across frames.</summary>
    public ObjectTrackerOptions Tracking { get; init; } = new();

    /// <summary>Settings of a user's own YOLO export; it is used when <see cref="OnnxDetectorOptions.ModelPath"/> is set.</summary>
    public OnnxDetectorOptions Onnx { get; init; } = new();

    /// <summary>Settings of the model-free default detector.</summary>
    public BackgroundSubtractionOptions BackgroundSubtraction { get; init; } = new();
}
