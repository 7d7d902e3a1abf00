using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision;

/// <summary>Which detector the cameras use, bound from configuration section <c>Vision</c>.</summary>
public sealed record FrameAnalyzerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision";

    /// <summary>ONNX detector settings; it is used when <see cref="OnnxDetectorOptions.ModelPath"/> is set.</summary>
    public OnnxDetectorOptions Onnx { get; init; } = new();

    /// <summary>Settings of the model-free default detector.</summary>
    public BackgroundSubtractionOptions BackgroundSubtraction { get; init; } = new();
}
