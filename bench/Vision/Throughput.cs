using System.Diagnostics;
using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Statistics;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// Time per frame for JPEG decode alone and for decode plus full analysis with the default detector, on all real
/// frames in memory, each sequence fed in order to its own per-camera analyser. Then all cores at once.
/// </summary>
internal static class Throughput
{
    public static void Run(TimeSpan duration)
    {
        Cv2.SetNumThreads(1); // one frame per core; the grains give the parallelism
        var sequences = Directory.GetDirectories(DataPaths.Frames("red-light-racer", "demo_set_1"))
            .Select(d => Directory.GetFiles(d, "*.jpg", SearchOption.AllDirectories).Order().ToList())
            .Append(Directory.GetFiles(DataPaths.Frames("curbwatch-cpw86", "replay", "frames"), "*.jpg").Order().ToList())
            .Select(files => files.Select(File.ReadAllBytes).ToArray())
            .ToArray();
        var frames = sequences.Sum(s => s.Length);

        // Warm-up: JIT and OpenCV buffers.
        Measure(sequences, analyse: true, TimeSpan.FromSeconds(1));
        var decode = Measure(sequences, analyse: false, duration / 2);
        var full = Measure(sequences, analyse: true, duration / 2);

        var cores = Environment.ProcessorCount;
        var parallel = Parallel(sequences, cores, duration / 2);

        Console.WriteLine();
        Console.WriteLine($"### throughput ({frames} real frames in {sequences.Length} sequences, {cores} cores, OpenCV threads 1)");
        Console.WriteLine();
        Console.WriteLine("| Path | Frames timed | Median ms | p99 ms | Frames/s on one core |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("JPEG decode only (Cv2.ImDecode, grey)", decode);
        Row("decode + statistics + background-subtraction detection + zones", full);
        Console.WriteLine();
        Console.WriteLine($"all {cores} cores, {cores} threads each with its own cameras: {parallel:0} frames/s (target 475 on 2 cores: {parallel / 475:P0})");
    }

    private static void Row(string name, List<double> ms)
    {
        var (median, p99) = Latency.Of(ms);
        Console.WriteLine($"| {name} | {ms.Count} | {median:0.000} | {p99:0.000} | {1000 / ms.Average():0} |");
    }

    private static List<double> Measure(byte[][][] sequences, bool analyse, TimeSpan duration)
    {
        var times = new List<double>();
        var clock = Stopwatch.StartNew();
        var t0 = DateTimeOffset.UnixEpoch;
        var analyzer = new BackgroundSubtractionAnalyzer();
        var cameras = sequences.Select((_, i) => analyzer.CreateForCamera($"cam{i}")).ToArray();
        var n = 0;
        while (clock.Elapsed < duration)
        {
            for (var s = 0; s < sequences.Length; s++)
            {
                foreach (var jpeg in sequences[s])
                {
                    var start = Stopwatch.GetTimestamp();
                    if (analyse)
                    {
                        cameras[s].Analyze(jpeg, t0.AddSeconds(2 * n++), []);
                    }
                    else
                    {
                        using var mat = FrameDecoder.TryDecode(jpeg, ImreadModes.Grayscale, out _);
                    }

                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        foreach (var camera in cameras)
        {
            camera.Dispose();
        }

        return times;
    }

    private static double Parallel(byte[][][] sequences, int threads, TimeSpan duration)
    {
        var counts = new long[threads];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(w => new Thread(() =>
        {
            var analyzer = new BackgroundSubtractionAnalyzer();
            var cameras = sequences.Select((_, i) => analyzer.CreateForCamera($"w{w}cam{i}")).ToArray();
            var n = 0;
            while (clock.Elapsed < duration)
            {
                for (var s = 0; s < sequences.Length; s++)
                {
                    foreach (var jpeg in sequences[s])
                    {
                        cameras[s].Analyze(jpeg, DateTimeOffset.UnixEpoch.AddSeconds(2 * n++), []);
                        counts[w]++;
                    }
                }
            }

            foreach (var camera in cameras)
            {
                camera.Dispose();
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
