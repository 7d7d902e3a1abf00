using System.Text.Json;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Episodes;

namespace VibeCheck.Vision.Bench;

/// <summary>
/// Houston St @ Broadway, three sequences (dusk, rain): per-frame occupancy of the hand-drawn staging_zone and the
/// episodes the rules open when that zone is declared an intersection box (a vehicle stopped in it).
/// </summary>
internal static class RedLightRacerSequences
{
    /// <param name="detector">The detector measured; a new camera analyser per sequence.</param>
    /// <param name="sheetDirectory">When set, writes a contact sheet per sequence (zone in red, detections in green) there.</param>
    public static void Run(IFrameAnalyzer detector, string? sheetDirectory = null)
    {
        var root = DataPaths.Frames("red-light-racer");
        using var camera = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "camera", "houston_st_broadway.json")));
        var points = camera.RootElement.GetProperty("staging_zone").EnumerateArray()
            .Select(p => new PixelPoint(p[0].GetDouble(), p[1].GetDouble())).ToList();
        Zone[] zones = [new("staging_zone", ZoneType.Box, points)];
        var monitor = new ViolationMonitor();

        Console.WriteLine();
        Console.WriteLine($"### red-light-racer: staging_zone (declared type `box`) frame by frame, {detector.Name}");
        foreach (var sequence in Directory.GetDirectories(Path.Combine(root, "demo_set_1")).Order())
        {
            using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sequence, "meta.json")));
            var beforeCount = meta.RootElement.GetProperty("before_frames").GetArrayLength();
            // The last "before" frame is global frame prompt_end_global; our frame 0 is the first "before" frame.
            var green = meta.RootElement.GetProperty("green_index_global").GetInt32()
                - (meta.RootElement.GetProperty("prompt_end_global").GetInt32() - beforeCount + 1);
            var files = meta.RootElement.GetProperty("before_frames").EnumerateArray()
                .Concat(meta.RootElement.GetProperty("after_frames").EnumerateArray().Skip(1)) // after/000 repeats the last before frame
                .Select(f => Path.Combine(sequence, f.GetString()!)).ToList();
            using var analyzer = detector.CreateForCamera("5214cfe8");
            var state = EpisodeTrackerState.Empty;
            var t0 = new DateTimeOffset(2026, 8, 7, 18, 46, 0, TimeSpan.Zero);
            var row = new List<string>();
            var events = new List<string>();
            var sheet = new List<OpenCvSharp.Mat>();
            for (var i = 0; i < files.Count; i++)
            {
                var at = t0.AddSeconds(2 * i);
                var bytes = File.ReadAllBytes(files[i]);
                var analysis = analyzer.Analyze(bytes, at, zones);
                if (sheetDirectory is not null)
                {
                    sheet.Add(ContactSheet.Annotate(bytes, i, points, analysis.Detections));
                }
                var step = monitor.Process(state, analysis, at, zones);
                state = step.State;
                var occupancy = analysis.Error is null ? analysis.ZoneOccupancy["staging_zone"].ToString(System.Globalization.CultureInfo.InvariantCulture) : "E";
                var vehicles = analysis.Detections.Count(d => IsVehicle(d.Label) && ZoneGeometry(d, zones[0]));
                row.Add(vehicles == 0 ? occupancy : $"{occupancy}({vehicles}v)");
                events.AddRange(step.Opened.Select(e => $"frame {i}: opened {e.Type} (conf {e.Confidence:0.00})"));
                events.AddRange(step.Resolved.Select(e => $"frame {i}: resolved {e.Type} after {e.SupportingFrames} supporting frames, conf {e.Confidence:0.00}"));
            }

            events.AddRange(state.Open.Select(e => $"end: still open {e.Type} since {(e.StartedAt - t0).TotalSeconds / 2:0}, {e.SupportingFrames} supporting frames, conf {e.Confidence:0.00}"));
            if (sheetDirectory is not null)
            {
                ContactSheet.Write(sheet, Path.Combine(sheetDirectory, $"{Path.GetFileName(sequence)}-{detector.Name}.png"));
            }

            Console.WriteLine();
            Console.WriteLine($"**{Path.GetFileName(sequence)}** ({files.Count} frames, green at frame {green})");
            Console.WriteLine();
            Console.WriteLine("occupancy per frame (all labels, `(n v)` = vehicles): " + string.Join(" ", row.Select((r, i) => $"{i}:{r}")));
            Console.WriteLine();
            Console.WriteLine("episodes: " + (events.Count == 0 ? "none" : string.Join("; ", events)));
        }
    }

    private static bool IsVehicle(string label) => label == CoarseClassifier.Vehicle || VibeCheck.Vision.Onnx.CocoClasses.Vehicles.Contains(label);

    private static bool ZoneGeometry(Detection d, Zone zone) => VibeCheck.Vision.Zones.ZoneGeometry.Contains(zone, d.Box);
}
