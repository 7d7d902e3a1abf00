using System.Diagnostics;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// Memory of the production detector per camera: the silo-wide part (model, ONNX Runtime session) and what each
/// camera adds (motion reference frames, tracks), measured as process RSS with 921 cameras that have each seen frames.
/// </summary>
internal static class CocoMemory
{
    public static void Run(int cameras = 921)
    {
        var frames = RealSequences.Load().SelectMany(s => s.Frames).ToArray();
        var before = Rss();
        using var detector = ProductionDetector.Create();
        using (var warm = detector.CreateForCamera("warm-up"))
        {
            warm.Analyze(frames[0], DateTimeOffset.UnixEpoch, []);
        }

        var withModel = Rss();
        var analysers = new List<ICameraFrameAnalyzer>();
        for (var i = 0; i < cameras; i++)
        {
            var camera = detector.CreateForCamera($"cam{i}");
            // Two frames each: the motion reference and the tracks exist, as for a polled camera.
            camera.Analyze(frames[i % frames.Length], DateTimeOffset.UnixEpoch, []);
            camera.Analyze(frames[(i + 1) % frames.Length], DateTimeOffset.UnixEpoch.AddSeconds(2), []);
            analysers.Add(camera);
        }

        GC.Collect();
        var withCameras = Rss();
        Console.WriteLine();
        Console.WriteLine($"### memory ({detector.Name}, {cameras} cameras, each after 2 frames)");
        Console.WriteLine();
        Console.WriteLine($"process RSS: {before / 1048576.0:0} MiB before the model, {withModel / 1048576.0:0} MiB with the model and one camera, {withCameras / 1048576.0:0} MiB with {cameras} cameras");
        Console.WriteLine($"per camera: {(withCameras - withModel) / (double)cameras / 1024:0} KiB; model and session: {(withModel - before) / 1048576.0:0} MiB");
        analysers.ForEach(a => a.Dispose());
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
