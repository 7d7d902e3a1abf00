using System.Diagnostics;
using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Statistics;

namespace VibeCheck.Vision.Bench;

/// <summary>Median time of each stage of the default pipeline over the red-light-racer frames, to see where the milliseconds go.</summary>
internal static class Stages
{
    public static void Run()
    {
        Cv2.SetNumThreads(1);
        var files = Directory.GetFiles(DataPaths.Frames("red-light-racer", "demo_set_1"), "*.jpg", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        var options = new BackgroundSubtractionOptions();
        var names = new[] { "decode grey", "statistics", "blur", "background update", "blobs", "classify + ghost check of every vehicle blob (upper bound: the analyser checks only boxes seen last frame)" };
        var times = names.Select(_ => new List<double>()).ToArray();
        using var model = new BackgroundModel(options);
        using var blobs = new BlobExtractor(options);
        using var ghosts = new GhostFilter();
        using var blurred = new Mat();
        using var foreground = new Mat();
        for (var round = 0; round < 10; round++)
        {
            foreach (var jpeg in files)
            {
                var t = Stopwatch.GetTimestamp();
                double Lap() { var e = Stopwatch.GetElapsedTime(t).TotalMilliseconds; t = Stopwatch.GetTimestamp(); return e; }
                using var gray = FrameDecoder.TryDecode(jpeg, ImreadModes.Grayscale, out _)!;
                times[0].Add(Lap());
                FrameStatisticsCalculator.ComputeFromGray(gray, gray.Cols, gray.Rows, options.ClockBandRows);
                times[1].Add(Lap());
                Cv2.GaussianBlur(gray, blurred, new Size(options.BlurKernel, options.BlurKernel), 0);
                times[2].Add(Lap());
                var ok = model.Update(blurred, options.ClockBandRows, foreground);
                times[3].Add(Lap());
                if (!ok)
                {
                    continue;
                }

                var found = blobs.Extract(foreground);
                times[4].Add(Lap());
                ghosts.Prepare(blurred, model.LightingMatchedBackground);
                foreach (var blob in found)
                {
                    var box = new BoundingBox(blob.Box.X, blob.Box.Y, blob.Box.Width, blob.Box.Height);
                    if (CoarseClassifier.Classify(box, blob.Area, gray.Rows, options).Label == CoarseClassifier.Vehicle)
                    {
                        ghosts.IsGhost(blob, blobs.Labels, out _);
                    }
                }

                times[5].Add(Lap());
            }
        }

        Console.WriteLine();
        Console.WriteLine("### stage medians (ms), one thread");
        for (var i = 0; i < names.Length; i++)
        {
            var sorted = times[i].Order().ToList();
            Console.WriteLine($"- {names[i]}: {sorted[sorted.Count / 2]:0.000} (mean {sorted.Average():0.000})");
        }
    }
}
