using Microsoft.Extensions.Logging;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Onnx;

namespace VibeCheck.Vision.Tests;

public sealed class OnnxDetectorTests : IDisposable
{
    private const int Side = 64;
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);

    // Network-space boxes (cx, cy, w, h, class, score) for a 352×240 frame letterboxed into 64×64:
    // scale 64/352, picture 64×44 with 10 px of padding above and below.
    private static readonly (float Cx, float Cy, float W, float H, int Class, float Score)[] Boxes =
    [
        (32, 32, 16, 8, 2, 0.90f),   // car
        (33, 32, 16, 8, 2, 0.60f),   // same car again, lower score: suppressed by NMS
        (32, 32, 16, 8, 7, 0.50f),   // a truck on the same spot: another class, kept (class-aware NMS)
        (10, 40, 4, 10, 0, 0.80f),   // person
        (50, 20, 6, 6, 2, 0.10f),    // below the score threshold
        (50, 45, 6, 6, 10, 0.95f),   // fire hydrant: not a kept label
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("vision-onnx-").FullName;
    private readonly SyntheticScene _scene = new();

    private string WriteModel(bool attributesFirst)
    {
        const int attributes = 85; // v5 rows: cx, cy, w, h, objectness, 80 class scores
        float[] values;
        long[] shape;
        if (attributesFirst)
        {
            var n = Boxes.Length;
            values = new float[84 * n];
            shape = [1, 84, n];
            for (var i = 0; i < n; i++)
            {
                var b = Boxes[i];
                values[(0 * n) + i] = b.Cx;
                values[(1 * n) + i] = b.Cy;
                values[(2 * n) + i] = b.W;
                values[(3 * n) + i] = b.H;
                values[((4 + b.Class) * n) + i] = b.Score;
            }
        }
        else
        {
            values = new float[Boxes.Length * attributes];
            shape = [1, Boxes.Length, attributes];
            for (var i = 0; i < Boxes.Length; i++)
            {
                var b = Boxes[i];
                var row = i * attributes;
                (values[row], values[row + 1], values[row + 2], values[row + 3]) = (b.Cx, b.Cy, b.W, b.H);
                values[row + 4] = 1f;                 // objectness
                values[row + 5 + b.Class] = b.Score;
            }
        }

        var path = Path.Combine(_directory, attributesFirst ? "v8.onnx" : "v5.onnx");
        File.WriteAllBytes(path, TinyOnnxModel.Build(Side, Side, shape, values));
        return path;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Known_boxes_come_back_in_frame_pixels_after_letterbox_decoding_and_nms(bool attributesFirst)
    {
        using var detector = new OnnxYoloAnalyzer(new OnnxDetectorOptions { ModelPath = WriteModel(attributesFirst) });
        using var camera = detector.CreateForCamera("cam");
        Zone[] zones = [new("lane", ZoneType.BikeLane, [new(100, 100), new(250, 100), new(250, 160), new(100, 160)])];

        var analysis = camera.Analyze(_scene.Frame(0), T0, zones);

        Assert.Null(analysis.Error);
        Assert.Equal((Side, Side), (detector.InputWidth, detector.InputHeight));
        Assert.StartsWith("onnx-yolo/1.0+", analysis.Detector);
        Assert.Equal(["car", "person", "truck"], analysis.Detections.Select(d => d.Label));
        var car = analysis.Detections[0];
        Assert.Equal(0.9, car.Confidence, 3);
        // cx 32 → (32 − 8) / (64/352) = 132; cy 32 → (28 − 10) / (64/352) = 99; w 16 → 88; h 8 → 44.
        Assert.Equal(132, car.Box.X, 0.5);
        Assert.Equal(99, car.Box.Y, 0.5);
        Assert.Equal(88, car.Box.Width, 0.5);
        Assert.Equal(44, car.Box.Height, 0.5);
        Assert.Equal(2, analysis.ZoneOccupancy["lane"]); // car and truck stand at (176, 143)
        Assert.NotNull(analysis.Statistics);
    }

    [Fact]
    public void Empty_keep_list_reports_every_class_and_custom_names_label_them()
    {
        var names = CocoClasses.Names.Select((n, i) => i == 10 ? "hydrant" : n).ToList();
        using var detector = new OnnxYoloAnalyzer(new OnnxDetectorOptions { ModelPath = WriteModel(true), KeepLabels = [], ClassNames = names });
        using var camera = detector.CreateForCamera("cam");

        var labels = camera.Analyze(_scene.Frame(0), T0, []).Detections.Select(d => d.Label);

        Assert.Equal(["hydrant", "car", "person", "truck"], labels);
    }

    [Fact]
    public void Corrupt_jpeg_is_reported_by_the_onnx_detector_too()
    {
        using var detector = new OnnxYoloAnalyzer(new OnnxDetectorOptions { ModelPath = WriteModel(true) });
        using var camera = detector.CreateForCamera("cam");
        Assert.Equal("image is empty (0 bytes)", camera.Analyze(Array.Empty<byte>(), T0, []).Error);
    }

    [Fact]
    public void Factory_uses_onnx_when_configured_and_falls_back_loudly_otherwise()
    {
        var logger = new ListLogger();
        var onnx = FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Onnx = new OnnxDetectorOptions { ModelPath = WriteModel(true) } }, logger);
        Assert.IsType<OnnxYoloAnalyzer>(onnx);
        ((IDisposable)onnx).Dispose();

        var chosen = FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Detector = DetectorKind.BackgroundSubtraction }, logger);
        Assert.IsType<BackgroundSubtractionAnalyzer>(chosen);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("motion only"));

        var broken = Path.Combine(_directory, "broken.onnx");
        File.WriteAllText(broken, "not a model");
        Assert.IsType<BackgroundSubtractionAnalyzer>(FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Onnx = new OnnxDetectorOptions { ModelPath = broken } }, logger));
        Assert.IsType<BackgroundSubtractionAnalyzer>(FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Onnx = new OnnxDetectorOptions { ModelPath = broken + ".missing" } }, logger));
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("FALLING BACK")));
    }

    [Theory]
    [InlineData(new[] { 1, 84, 8400 }, YoloOutputLayout.AttributesFirst)]
    [InlineData(new[] { 1, 25200, 85 }, YoloOutputLayout.BoxesFirstWithObjectness)]
    [InlineData(new[] { 1, 8400, 84 }, YoloOutputLayout.BoxesFirst)]
    [InlineData(new[] { 1, 6, 2100 }, YoloOutputLayout.AttributesFirst)]
    public void Output_layout_is_recognised_from_the_shape(int[] shape, YoloOutputLayout expected) =>
        Assert.Equal(expected, YoloOutputDecoder.Resolve(shape, 80, YoloOutputLayout.Auto));

    public void Dispose()
    {
        _scene.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
