using System.Diagnostics;
using OpenCvSharp;
using VibeCheck.Vision.Coco;
using VibeCheck.Vision.Statistics;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// Speed of the production path (decode + statistics + motion cascade + COCO detector + tracker + zones) over the
/// real sequences, each fed in order to its own camera, on all cores at once as the silo runs them; the same with
/// the cascade off (the detector on every whole frame) in the same run; and, on one core, the detector's own time
/// per whole-frame call beside the JPEG decode.
/// </summary>
internal static class CocoThroughput
{
    public static void Run(TimeSpan duration)
    {
        Cv2.SetNumThreads(1); // one frame per core; the grains give the parallelism
        var sequences = RealSequences.Load().Select(s => s.Frames).ToArray();
        var cores = Environment.ProcessorCount;
        using var cascade = ProductionDetector.Create(cascade: true);
        using var every = ProductionDetector.Create(cascade: false);
        using var smaller = ProductionDetector.Create(referenceFrameWidth: 480);
        using var allClasses = ProductionDetector.Create(allClasses: true);

        Parallel(every, sequences, cores, TimeSpan.FromSeconds(2)); // warm-up: JIT, ONNX Runtime arenas
        var (decode, detector) = Parts(cascade.Detector, sequences, duration / 4);
        var withCascade = Parallel(cascade, sequences, cores, duration / 2);
        var withoutCascade = Parallel(every, sequences, cores, duration / 4);
        var smallerInput = Parallel(smaller, sequences, cores, duration / 4);
        var everyClass = Parallel(allClasses, sequences, cores, duration / 4);

        Console.WriteLine();
        Console.WriteLine($"### production path throughput ({cascade.Name} {cascade.Version}, {sequences.Sum(s => s.Length)} real frames in {sequences.Length} sequences, {cores} cores, ONNX Runtime 1 thread per call)");
        Console.WriteLine();
        Console.WriteLine("| Path | Frames timed | Median ms | p99 ms | Frames/s (all cores) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("JPEG decode only (colour, one core)", decode, null);
        Row("detector alone, one whole frame (one core)", detector, null);
        Row("production path, cascade on", withCascade.Times, withCascade.FramesPerSecond);
        Row("production path, detector on every whole frame", withoutCascade.Times, withoutCascade.FramesPerSecond);
        Row("production path, cascade on, 384×256 input (ReferenceFrameWidth 480)", smallerInput.Times, smallerInput.FramesPerSecond);
        Row("production path, cascade on, all 80 classes computed", everyClass.Times, everyClass.FramesPerSecond);
        Console.WriteLine();
        Console.WriteLine($"cascade: {withCascade.FramesPerSecond / withoutCascade.FramesPerSecond:0.00}× the every-frame throughput; detector input saved {cascade.Counters.Saved:P0}; floor 150 frames/s: {withCascade.FramesPerSecond / 150:P0}, city at 2 s (475 frames/s): {withCascade.FramesPerSecond / 475:P0}");
    }

    private static void Row(string name, List<double> ms, double? fps)
    {
        var (median, p99) = Latency.Of(ms);
        Console.WriteLine($"| {name} | {ms.Count} | {median:0.00} | {p99:0.00} | {(fps is { } f ? f.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "-")} |");
    }

    private static (List<double> Decode, List<double> Detector) Parts(CocoDetector detector, byte[][][] sequences, TimeSpan duration)
    {
        var decode = new List<double>();
        var detect = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            foreach (var jpeg in sequences.SelectMany(s => s))
            {
                var start = Stopwatch.GetTimestamp();
                using var bgr = FrameDecoder.TryDecode(jpeg, ImreadModes.Color, out _)!;
                decode.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                detector.Detect(bgr, new Rect(0, 0, bgr.Cols, bgr.Rows));
                detect.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return (decode, detect);
    }

    /// <summary>One thread per core, each with its own cameras (every sequence), frames 2 s apart per camera.</summary>
    private static (List<double> Times, double FramesPerSecond) Parallel(CocoFrameAnalyzer analyzer, byte[][][] sequences, int threads, TimeSpan duration)
    {
        var times = new List<double>[threads];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            var mine = new List<double>();
            var cameras = sequences.Select((_, i) => analyzer.CreateForCamera($"w{w}c{i}")).ToArray();
            var t0 = DateTimeOffset.UnixEpoch;
            var frame = 0;
            while (clock.Elapsed < duration)
            {
                for (var s = 0; s < sequences.Length; s++)
                {
                    // Each camera shows its next frame: round-robin over cameras, as a silo's polls interleave.
                    var jpeg = sequences[s][frame % sequences[s].Length];
                    var start = Stopwatch.GetTimestamp();
                    cameras[s].Analyze(jpeg, t0.AddSeconds(2 * frame), []);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                frame++;
            }

            foreach (var camera in cameras)
            {
                camera.Dispose();
            }

            times[w] = mine;
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        var all = times.SelectMany(t => t).ToList();
        return (all, all.Count / clock.Elapsed.TotalSeconds);
    }
}
