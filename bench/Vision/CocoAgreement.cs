using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// The COCO detectors against the hosted COCO detector's boxes on the 12 Central Park West frames, from the first
/// frame (no warm-up pass), each model with the cascade and on every whole frame, beside the model-free detector.
/// </summary>
internal static class CocoAgreement
{
    public static void Run()
    {
        var dir = DataPaths.Frames("curbwatch-cpw86", "replay");
        var reference = CurbwatchAgreement.LoadReference(Path.Combine(dir, "detections.json"));
        var frames = Enumerable.Range(0, 12).Select(i => File.ReadAllBytes(Path.Combine(dir, "frames", $"{i:00}.jpg"))).ToList();
        var t0 = DateTimeOffset.Parse("2026-08-07T21:18:44.927Z", System.Globalization.CultureInfo.InvariantCulture);

        Console.WriteLine();
        Console.WriteLine("### curbwatch-cpw86: COCO detectors against the hosted COCO model's boxes, first pass (no warm-up)");
        Console.WriteLine();
        Console.WriteLine("| Detector | Class | IoU | Ours | Matched | Precision | Recall |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var model in new[] { CocoModelKind.CenterNet, CocoModelKind.NanoDet })
        {
            foreach (var cascade in new[] { true, false })
            {
                using var detector = ProductionDetector.Create(model, cascade);
                using var camera = detector.CreateForCamera("8a6bc417");
                var ours = frames.Select((f, i) => camera.Analyze(f, t0.AddSeconds(3 * i), []).Detections).ToList();
                var name = $"{detector.Name}, {(cascade ? "cascade" : "every whole frame")}";
                foreach (var (cls, refLabels, ourLabels) in new[] { ("vehicle", CurbwatchAgreement.ReferenceVehicles, CurbwatchAgreement.ReferenceVehicles), ("person", ["person"], ["person"]) })
                {
                    foreach (var iou in new[] { 0.3, 0.5 })
                    {
                        var (tp, predicted, truth) = CurbwatchAgreement.Score(ours, reference, refLabels, ourLabels, iou);
                        Console.WriteLine($"| {name} | {cls} | {iou:0.0} | {predicted} | {tp} | {CurbwatchAgreement.Ratio(tp, predicted)} | {CurbwatchAgreement.Ratio(tp, truth)} |");
                    }
                }
            }
        }
    }
}
