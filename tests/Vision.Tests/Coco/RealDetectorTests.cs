using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

/// <summary>The decoders on a real frame, end to end through the production detector.</summary>
public sealed class RealDetectorTests
{
    // Curbwatch frame 00: the car in the middle of Central Park West (reference detector: car, confidence 0.89).
    private static readonly BoundingBox ClearCar = new(183.5 - 20.5, 144 - 16, 41, 32);

    [RealDetectorTheory]
    [InlineData(CocoModelKind.NanoDet)]
    [InlineData(CocoModelKind.CenterNet)]
    public void Clearly_visible_car_is_found_with_its_box(CocoModelKind kind)
    {
        var model = CocoModelStore.Load(RealData.ModelDirectory, CocoModelSpec.For(kind));
        using var detector = new CocoDetector(model, new CocoDetectorOptions { Model = kind });
        using var frame = Cv2.ImRead(RealData.Curbwatch(0));

        var detections = detector.Detect(frame, new Rect(0, 0, frame.Cols, frame.Rows));

        var best = detections.Where(d => d.Label == "car").MaxBy(d => BoxGeometry.IoU(d.Box, ClearCar));
        Assert.NotNull(best);
        Assert.True(BoxGeometry.IoU(best.Box, ClearCar) >= 0.5, $"{kind}: best car box {best.Box} has IoU {BoxGeometry.IoU(best.Box, ClearCar):0.00} with {ClearCar}");
        Assert.All(detections, d => Assert.Contains(d.Label, new[] { "person", "bicycle", "car", "motorcycle", "bus", "truck" }));
    }

    [RealDetectorFact]
    public void Boxes_come_back_in_the_pixels_of_a_frame_of_any_size()
    {
        var model = CocoModelStore.Load(RealData.ModelDirectory, CocoModelSpec.CenterNet);
        using var detector = new CocoDetector(model, new CocoDetectorOptions());
        using var frame = Cv2.ImRead(RealData.Curbwatch(0));
        using var doubled = new Mat();
        Cv2.Resize(frame, doubled, new Size(frame.Cols * 2, frame.Rows * 2));
        // Fed at twice the size, the detector (told frames are 704 wide) must report the same car at twice the box.
        using var wide = new CocoDetector(model, new CocoDetectorOptions { ReferenceFrameWidth = 704 });

        var found = wide.Detect(doubled, new Rect(0, 0, doubled.Cols, doubled.Rows));

        var target = new BoundingBox(ClearCar.X * 2, ClearCar.Y * 2, ClearCar.Width * 2, ClearCar.Height * 2);
        Assert.Contains(found, d => d.Label == "car" && BoxGeometry.IoU(d.Box, target) >= 0.5);
        Assert.All(found, d => Assert.True(d.Box.X + d.Box.Width <= doubled.Cols + 0.01 && d.Box.Y + d.Box.Height <= doubled.Rows + 0.01));
    }

    [RealDetectorFact]
    public void Factory_uses_the_installed_coco_model_by_default()
    {
        using var analyzer = (CocoFrameAnalyzer)FrameAnalyzerFactory.Create(
            new FrameAnalyzerOptions { Coco = new CocoDetectorOptions { ModelDirectory = RealData.ModelDirectory } });

        Assert.Equal("coco-centernet", analyzer.Name);
        Assert.Matches("^3\\.0\\.4\\+[0-9a-f]{12}$", analyzer.Version);
    }

    [Fact]
    public void Missing_or_altered_model_files_fall_back_loudly_to_the_motion_detector()
    {
        var directory = Directory.CreateTempSubdirectory("models-");
        try
        {
            var logger = new ListLogger();
            var missing = FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Coco = new CocoDetectorOptions { ModelDirectory = directory.FullName } }, logger);
            Assert.IsType<BackgroundSubtractionAnalyzer>(missing);
            Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("FALLING BACK", StringComparison.Ordinal) && e.Message.Contains("fetch-models.sh", StringComparison.Ordinal));

            foreach (var file in CocoModelStore.PinnedSha256.Keys)
            {
                File.WriteAllText(Path.Combine(directory.FullName, file), "{}");
            }

            var error = Assert.Throws<CocoModelUnavailableException>(() => CocoModelStore.Load(directory.FullName, CocoModelSpec.CenterNet));
            Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
            Assert.IsType<BackgroundSubtractionAnalyzer>(
                FrameAnalyzerFactory.Create(new FrameAnalyzerOptions { Coco = new CocoDetectorOptions { ModelDirectory = directory.FullName } }, logger));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
