using System.Text.Json;
using VibeCheck.Vision.BackgroundSubtraction;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// Agreement of the model-free detector with the hosted COCO detector's boxes on the 12 Central Park West frames
/// (a peer model, not ground truth). Boxes in detections.json are centre-based; converted to top-left here.
/// </summary>
internal static class CurbwatchAgreement
{
    internal static readonly string[] ReferenceVehicles = [.. VibeCheck.Vision.Onnx.CocoClasses.Vehicles];

    public static void Run()
    {
        var dir = DataPaths.Frames("curbwatch-cpw86", "replay");
        var reference = LoadReference(Path.Combine(dir, "detections.json"));
        var frames = Enumerable.Range(0, 12).Select(i => File.ReadAllBytes(Path.Combine(dir, "frames", $"{i:00}.jpg"))).ToList();
        var t0 = DateTimeOffset.Parse("2026-08-07T21:18:44.927Z", System.Globalization.CultureInfo.InvariantCulture);

        using var camera = new BackgroundSubtractionAnalyzer().CreateForCamera("8a6bc417");
        var cold = frames.Select((f, i) => camera.Analyze(f, t0.AddSeconds(3 * i), []).Detections).ToList();
        // Second pass over the same frames: the background has now seen the scene, as it would after minutes of polling.
        var warm = frames.Select((f, i) => camera.Analyze(f, t0.AddSeconds(36 + (3 * i)), []).Detections).ToList();

        Console.WriteLine();
        Console.WriteLine("### curbwatch-cpw86 agreement (reference: hosted COCO model)");
        Console.WriteLine($"reference boxes: {reference.Sum(r => r.Count(d => ReferenceVehicles.Contains(d.Label)))} vehicles, {reference.Sum(r => r.Count(d => d.Label == "person"))} persons in 12 frames");
        Console.WriteLine();
        Console.WriteLine("| Detector pass | Class | IoU | Ours | Matched | Precision | Recall |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (pass, ours) in new[] { ("background-subtraction, cold (frames 1-12)", cold), ("background-subtraction, warm (2nd pass)", warm) })
        {
            foreach (var (cls, refLabels, ourLabels) in new[] { ("vehicle", ReferenceVehicles, new[] { "vehicle" }), ("person", ["person"], ["person"]) })
            {
                foreach (var iou in new[] { 0.3, 0.5 })
                {
                    var (tp, predicted, truth) = Score(ours, reference, refLabels, ourLabels, iou);
                    Console.WriteLine($"| {pass} | {cls} | {iou:0.0} | {predicted} | {tp} | {Ratio(tp, predicted)} | {Ratio(tp, truth)} |");
                }
            }
        }

        if (Environment.GetEnvironmentVariable("VIBECHECK_SHEETS") is { Length: > 0 } sheets)
        {
            // Ours (warm pass) in green/orange, the reference in red.
            ContactSheet.Write(frames.Select((f, i) => ContactSheet.Annotate(f, i, [], warm[i], reference[i])).ToList(), Path.Combine(sheets, "curbwatch-cpw86.png"), 4);
        }

        var all = warm.SelectMany(d => d).GroupBy(d => d.Label).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine();
        Console.WriteLine($"warm pass labels: {string.Join(", ", all)}");
    }

    internal static string Ratio(int a, int b) => b == 0 ? "n/a" : (a / (double)b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Greedy one-to-one matching per frame, best IoU first.</summary>
    internal static (int TruePositives, int Predicted, int Truth) Score(
        List<IReadOnlyList<Detection>> ours, List<List<Detection>> reference, string[] refLabels, string[] ourLabels, double threshold)
    {
        int tp = 0, predicted = 0, truth = 0;
        for (var f = 0; f < reference.Count; f++)
        {
            var p = ours[f].Where(d => ourLabels.Contains(d.Label)).ToList();
            var t = reference[f].Where(d => refLabels.Contains(d.Label)).ToList();
            predicted += p.Count;
            truth += t.Count;
            var pairs = (from a in p.Select((d, i) => (d, i))
                         from b in t.Select((d, j) => (d, j))
                         let iou = BoxGeometry.IoU(a.d.Box, b.d.Box)
                         where iou >= threshold
                         orderby iou descending
                         select (a.i, b.j)).ToList();
            var usedP = new HashSet<int>();
            var usedT = new HashSet<int>();
            foreach (var (i, j) in pairs)
            {
                if (!usedP.Contains(i) && !usedT.Contains(j))
                {
                    usedP.Add(i);
                    usedT.Add(j);
                    tp++;
                }
            }
        }

        return (tp, predicted, truth);
    }

    internal static List<List<Detection>> LoadReference(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(frame => frame.GetProperty("predictions").EnumerateArray().Select(p =>
        {
            double G(string n) => p.GetProperty(n).GetDouble();
            var (w, h) = (G("width"), G("height"));
            return new Detection(p.GetProperty("class").GetString()!, G("confidence"), new BoundingBox(G("x") - (w / 2), G("y") - (h / 2), w, h));
        }).ToList()).ToList();
    }
}
