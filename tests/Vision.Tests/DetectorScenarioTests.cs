using OpenCvSharp;
using VibeCheck.Vision.BackgroundSubtraction;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Tests;

/// <summary>End to end through the real detector: synthetic JPEGs → detections → rules → episodes.</summary>
public sealed class DetectorScenarioTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);
    private static readonly Zone[] BikeLane = [new("bike", ZoneType.BikeLane, [new(100, 150), new(300, 150), new(300, 230), new(100, 230)])];
    private static readonly Rect Stopped = new(150, 130, 90, 55);

    private readonly SyntheticScene _scene = new();
    private readonly ICameraFrameAnalyzer _camera = new BackgroundSubtractionAnalyzer(new BackgroundSubtractionOptions { ClockBandRows = SyntheticScene.ClockBand })
        .CreateForCamera("synthetic");

    private readonly ViolationMonitor _monitor = new(episodes: new EpisodeTrackerOptions { MinConsecutiveFrames = 3, EndCutoff = TimeSpan.FromSeconds(20) });

    /// <summary>Runs frames 0..count-1 and logs (frame, event) for opened and resolved episodes.</summary>
    private (List<(int Frame, string Event)> Log, List<FrameAnalysis> Analyses) Run(int count, Func<int, (IEnumerable<Rect> Boxes, double Lighting)> script)
    {
        var state = EpisodeTrackerState.Empty;
        var log = new List<(int, string)>();
        var analyses = new List<FrameAnalysis>();
        for (var i = 0; i < count; i++)
        {
            var (boxes, lighting) = script(i);
            var at = T0.AddSeconds(2 * i);
            var analysis = _camera.Analyze(_scene.Frame(i, boxes, lighting), at, BikeLane);
            Assert.Null(analysis.Error);
            analyses.Add(analysis);
            var step = _monitor.Process(state, analysis, at, BikeLane);
            state = step.State;
            log.AddRange(step.Opened.Select(e => (i, $"opened {e.Type} {e.Zone}")));
            log.AddRange(step.Resolved.Select(e => (i, $"resolved {e.Type} {e.Zone}")));
        }

        return (log, analyses);
    }

    [Fact]
    public void Stopped_box_in_bike_lane_opens_one_episode_after_N_frames_and_closes_after_cutoff()
    {
        // Background frames 0..4, a vehicle stands in the lane during frames 5..24 (40 s), then leaves.
        var (log, analyses) = Run(45, i => (i is >= 5 and < 25 ? [Stopped] : [], 1.0));

        // Support starts on frame 5, opens on the 3rd supporting frame (7); last support frame 24 (48 s),
        // resolved on the first frame more than 20 s later: frame 35 (70 s).
        Assert.Equal([(7, "opened car_bike_lane_violation bike"), (35, "resolved car_bike_lane_violation bike")], log);
        var parked = analyses[15].Detections.Single(d => d.Label == CoarseClassifier.Vehicle);
        Assert.True(BoxGeometry.IoU(parked.Box, new BoundingBox(Stopped.X, Stopped.Y, Stopped.Width, Stopped.Height)) > 0.7, parked.ToString());
        Assert.Equal(1, analyses[15].ZoneOccupancy["bike"]);
        Assert.Equal(0, analyses[40].ZoneOccupancy["bike"]);
    }

    [Fact]
    public void Passing_box_is_detected_but_opens_no_episode()
    {
        // A vehicle crosses the lane left to right, 80 px per 2 s frame.
        var (log, analyses) = Run(14, i => (i is >= 5 and < 9 ? [new Rect(40 + (80 * (i - 5)), 130, 90, 55)] : [], 1.0));

        Assert.Empty(log);
        Assert.Contains(analyses.Skip(5).Take(4), a => a.Detections.Any(d => d.Label == CoarseClassifier.Vehicle));
    }

    [Fact]
    public void Vehicle_that_was_there_from_the_start_leaves_no_ghost_episode()
    {
        // The vehicle is in the background the model starts from; when it leaves, the uncovered street differs
        // from the background but has no outline of its own: a ghost, absorbed instead of reported.
        var (log, analyses) = Run(30, i => (i < 10 ? [Stopped] : [], 1.0));

        Assert.Empty(log);
        Assert.All(analyses.Skip(12), a => Assert.Empty(a.Detections));
    }

    [Fact]
    public void Lighting_change_opens_no_episode_and_finds_no_objects()
    {
        // Dusk in one step (frame 8 onwards at 55% brightness), then a brighter lamp-lit scene.
        var (log, analyses) = Run(20, i => ([], i < 8 ? 1.0 : i < 14 ? 0.55 : 0.75));

        Assert.Empty(log);
        Assert.All(analyses, a => Assert.Empty(a.Detections));
        Assert.True(analyses[10].Statistics!.MeanBrightness < analyses[2].Statistics!.MeanBrightness * 0.7);
    }

    [Fact]
    public void Clock_band_changes_alone_yield_no_detections_and_an_unchanged_hash()
    {
        var (_, analyses) = Run(8, _ => ([], 1.0));
        Assert.All(analyses, a => Assert.Empty(a.Detections));
        Assert.All(analyses, a => Assert.True(FrameHashes.LookUnchanged(analyses[0].Statistics!.PerceptualHash, a.Statistics!.PerceptualHash)));
    }

    [Fact]
    public void Corrupt_frame_mid_sequence_is_reported_and_leaves_the_episode_state_alone()
    {
        var state = EpisodeTrackerState.Empty;
        for (var i = 0; i < 8; i++)
        {
            var analysis = _camera.Analyze(_scene.Frame(i, i >= 4 ? [Stopped] : []), T0.AddSeconds(2 * i), BikeLane);
            state = _monitor.Process(state, analysis, T0.AddSeconds(2 * i), BikeLane).State;
        }

        var open = Assert.Single(state.Open);
        var corrupt = _scene.Frame(8, [Stopped]);
        var bad = _camera.Analyze(corrupt[..(corrupt.Length * 2 / 3)], T0.AddSeconds(16), BikeLane);
        Assert.StartsWith("truncated JPEG", bad.Error);
        var step = _monitor.Process(state, bad, T0.AddSeconds(16), BikeLane);
        Assert.Same(state, step.State);
        Assert.Equal(ViolationTypes.CarInBikeLane, open.Type);
        Assert.Equal("background-subtraction/1.0", open.Detector);
        Assert.All(open.Evidence, e => Assert.Equal(16, e.FrameHash.Length));
    }

    public void Dispose()
    {
        _camera.Dispose();
        _scene.Dispose();
    }
}
