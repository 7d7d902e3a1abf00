namespace VibeCheck.Vision.Bench;

/// <summary>
/// Does the cascade lose what the detector finds on every whole frame? On every real sequence, each frame's objects
/// with the cascade are matched (IoU ≥ 0.5, vehicles as one class) to the same model's objects on the whole frame;
/// and how much of the detector's input the cascade saved.
/// </summary>
internal static class CascadeAgreement
{
    public static void Run()
    {
        var sequences = RealSequences.Load();
        // A camera whose picture does not change (a quiet street at night, a parked row): the frame repeated.
        sequences.Add(("curbwatch frame 00 held for 20 frames", Enumerable.Repeat(sequences[0].Frames[0], 20).ToArray()));
        Console.WriteLine();
        Console.WriteLine("### cascade against the detector on every whole frame (same model, same frames)");
        Console.WriteLine();
        Console.WriteLine("| Sequence | Frames | Every-frame objects | Also found with cascade | Cascade extra | Detector input saved | Whole-frame passes | Region passes | Frames without detector |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        long found = 0, total = 0;
        foreach (var (name, frames) in sequences)
        {
            using var every = ProductionDetector.Create(cascade: false);
            using var cascade = ProductionDetector.Create(cascade: true);
            using var a = every.CreateForCamera(name);
            using var b = cascade.CreateForCamera(name);
            var t0 = DateTimeOffset.UnixEpoch;
            int reference = 0, matched = 0, extra = 0;
            for (var i = 0; i < frames.Length; i++)
            {
                var full = a.Analyze(frames[i], t0.AddSeconds(2 * i), []).Detections;
                var cascaded = b.Analyze(frames[i], t0.AddSeconds(2 * i), []).Detections;
                var (tp, predicted, truth) = CurbwatchAgreement.Score([cascaded], [full.ToList()], Labels, Labels, 0.5);
                reference += truth;
                matched += tp;
                extra += predicted - tp;
            }

            found += matched;
            total += reference;
            var c = cascade.Counters;
            Console.WriteLine($"| {name} | {frames.Length} | {reference} | {matched} ({CurbwatchAgreement.Ratio(matched, reference)}) | {extra} | {c.Saved:P0} | {c.FullFramePasses} | {c.RegionPasses} | {c.SkippedFrames} |");
        }

        Console.WriteLine();
        Console.WriteLine($"all sequences: the cascade keeps {found} of {total} every-frame objects ({CurbwatchAgreement.Ratio((int)found, (int)total)})");
    }

    // Vehicles as one class: a car the every-frame pass calls a truck is the same vehicle.
    private static readonly string[] Labels = ["car", "bus", "truck", "motorcycle", "person", "bicycle"];
}
