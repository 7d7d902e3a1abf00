using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using VibeCheck.Vision.Statistics;
using VibeCheck.Vision.Zones;

namespace VibeCheck.Vision.Onnx;

/// <summary>One camera's ONNX pipeline: decode, statistics, letterbox, inference, decoding, class-aware NMS, zones.</summary>
internal sealed class OnnxCameraAnalyzer(OnnxYoloAnalyzer detector, string detectorName) : ICameraFrameAnalyzer
{
    private readonly float[] _input = new float[3 * detector.InputWidth * detector.InputHeight];

    public FrameAnalysis Analyze(ReadOnlyMemory<byte> jpeg, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
    {
        using var bgr = FrameDecoder.TryDecode(jpeg, ImreadModes.Color, out var error);
        if (bgr is null)
        {
            return FrameAnalysis.Failed(error!, detectorName);
        }

        try
        {
            var options = detector.Options;
            var statistics = FrameStatisticsCalculator.Compute(bgr, options.ClockBandRows);
            var letterbox = Letterbox.For(bgr.Cols, bgr.Rows, detector.InputWidth, detector.InputHeight);
            letterbox.Fill(bgr, _input);
            using var input = OrtValue.CreateTensorValueFromMemory(_input, [1, 3, detector.InputHeight, detector.InputWidth]);
            using var runOptions = new RunOptions();
            using var outputs = detector.Session.Run(runOptions, [detector.InputName], [input], [detector.OutputName]);
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape.Select(d => (int)d).ToArray();
            var classNames = options.EffectiveClassNames;
            var keep = options.EffectiveKeepLabels;
            var layout = YoloOutputDecoder.Resolve(shape, classNames.Count, options.Layout);
            var raw = YoloOutputDecoder.Decode(output.GetTensorDataAsSpan<float>(), shape, layout, options.ScoreThreshold);
            var labelled = raw
                .Select(r => (r.ClassId, Label: r.ClassId < classNames.Count ? classNames[r.ClassId] : $"class_{r.ClassId}", r))
                .Where(x => keep.Count == 0 || keep.Contains(x.Label))
                .Select(x => (x.ClassId, new Detection(
                    x.Label,
                    Math.Round(Math.Clamp(x.r.Score, 0, 1), 4),
                    letterbox.ToFrame(x.r.CentreX, x.r.CentreY, x.r.Width, x.r.Height, bgr.Cols, bgr.Rows))))
                .Where(x => x.Item2.Box.Width >= 1 && x.Item2.Box.Height >= 1);
            var detections = NonMaxSuppression.Apply(labelled, options.NmsIoUThreshold, options.MaxDetections);
            return new FrameAnalysis(null, statistics, detections, ZoneGeometry.Occupancy(detections, zones), detectorName);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or OpenCVException or ArgumentException)
        {
            // A model whose output we cannot read fails this frame loudly in its error, not the grain.
            return FrameAnalysis.Failed($"onnx detection failed: {ex.Message}", detectorName);
        }
    }

    public void Dispose()
    {
    }
}
