using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Coco;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision;

/// <summary>
/// Picks the detector: a configured YOLO export, else the COCO detector from the installed model files, else the
/// model-free motion detector, with an error in the log saying why (files missing, checksum wrong), never silently.
/// </summary>
public static class FrameAnalyzerFactory
{
    /// <summary>The detector for these options. Dispose the result with the host if it is <see cref="IDisposable"/>.</summary>
    public static IFrameAnalyzer Create(FrameAnalyzerOptions options, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        if (!string.IsNullOrWhiteSpace(options.Onnx.ModelPath))
        {
            return CreateYolo(options, logger);
        }

        if (options.Detector == DetectorKind.BackgroundSubtraction)
        {
            logger.LogWarning(
                "Vision:Detector is {Detector}: cameras see motion only, so vehicles that stand still (every violation) are not seen",
                BackgroundSubtractionAnalyzer.DetectorName);
            return new BackgroundSubtractionAnalyzer(options.BackgroundSubtraction);
        }

        var directory = options.Coco.ModelDirectory ?? CocoModelStore.DefaultDirectory();
        try
        {
            var model = CocoModelStore.Load(directory, CocoModelSpec.For(options.Coco.Model), options.Coco.EffectiveClassIds);
            var coco = new CocoFrameAnalyzer(model, options.Coco, options.Cascade, options.Tracking);
            logger.LogInformation(
                "Using COCO detector {Detector} {Version} from {Directory} (cascade {Cascade})", coco.Name, coco.Version, directory, options.Cascade.Enabled ? "on" : "off");
            return coco;
        }
        catch (Exception ex) when (ex is CocoModelUnavailableException or IOException or UnauthorizedAccessException or OnnxRuntimeException or InvalidDataException or NotSupportedException)
        {
            logger.LogError(
                ex,
                "COCO detector unavailable ({Reason}); FALLING BACK to the model-free {Detector} detector, which does not see vehicles that stand still",
                ex.Message,
                BackgroundSubtractionAnalyzer.DetectorName);
            return new BackgroundSubtractionAnalyzer(options.BackgroundSubtraction);
        }
    }

    private static IFrameAnalyzer CreateYolo(FrameAnalyzerOptions options, ILogger logger)
    {
        var modelPath = options.Onnx.ModelPath;
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
