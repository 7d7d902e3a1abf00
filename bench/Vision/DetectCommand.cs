using System.Text.Json;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// <c>detect FILE...</c>: the silo's production detector (model, cascade, tracker) over the given JPEGs as consecutive
/// frames of one camera, 2 s apart, one JSON line per file with boxes in that file's pixels.
/// </summary>
internal static class DetectCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Run(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Vision -- detect FILE...");
            return 2;
        }

        var analyzer = FrameAnalyzerFactory.Create(new FrameAnalyzerOptions());
        using var owned = analyzer as IDisposable;
        Console.Error.WriteLine($"detector: {analyzer.Name} {analyzer.Version}");
        using var camera = analyzer.CreateForCamera("detect");
        var t0 = DateTimeOffset.UtcNow;
        var failed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(files[i]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { file = files[i], error = ex.Message }, Json));
                failed++;
                continue;
            }

            var analysis = camera.Analyze(bytes, t0.AddSeconds(2 * i), []);
            if (analysis.Error is not null)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { file = files[i], error = analysis.Error }, Json));
                failed++;
                continue;
            }

            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    file = files[i],
                    width = analysis.Statistics!.Width,
                    height = analysis.Statistics.Height,
                    detections = analysis.Detections.Select(d => new
                    {
                        label = d.Label,
                        confidence = d.Confidence,
                        box = new { x = Math.Round(d.Box.X, 1), y = Math.Round(d.Box.Y, 1), width = Math.Round(d.Box.Width, 1), height = Math.Round(d.Box.Height, 1) },
                        trackId = d.TrackId,
                        standingSeconds = d.StandingSeconds,
                    }),
                },
                Json));
        }

        return failed == 0 ? 0 : 1;
    }
}
