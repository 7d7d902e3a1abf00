using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision;

/// <summary>
/// Picks the detector: the ONNX one when a model path is configured and loads, otherwise the model-free default,
/// with a warning (no model configured) or an error (model configured but unusable) in the log, never silently.
/// </summary>
public static class FrameAnalyzerFactory
{
    /// <summary>The detector for these options. Dispose the result with the host if it is <see cref="IDisposable"/>.</summary>
    public static IFrameAnalyzer Create(FrameAnalyzerOptions options, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var modelPath = options.Onnx.ModelPath;
        if (string.IsNullOrWhiteSpace(modelPath))
        {
            logger.LogWarning(
                "No ONNX model configured (Vision:Onnx:ModelPath); using the model-free {Detector} detector. See the README for exporting a YOLO model.",
                BackgroundSubtractionAnalyzer.DetectorName);
            return new BackgroundSubtractionAnalyzer(options.BackgroundSubtraction);
        }

        try
        {
            var onnx = new OnnxYoloAnalyzer(options.Onnx);
            logger.LogInformation("Using ONNX detector {Model} (version {Version}, input {Width}x{Height})", modelPath, onnx.Version, onnx.InputWidth, onnx.InputHeight);
            return onnx;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OnnxRuntimeException or InvalidOperationException or ArgumentException)
        {
            logger.LogError(ex, "ONNX model {Model} could not be loaded; FALLING BACK to the model-free {Detector} detector", modelPath, BackgroundSubtractionAnalyzer.DetectorName);
            return new BackgroundSubtractionAnalyzer(options.BackgroundSubtraction);
        }
    }
}
