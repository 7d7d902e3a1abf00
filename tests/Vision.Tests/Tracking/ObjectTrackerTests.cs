using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Vision.Tests.Tracking;

public sealed class ObjectTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);
    private static readonly BoundingBox Spot = new(150, 140, 60, 36);
    private static readonly Zone Junction = new("junction", ZoneType.Box, [new(130, 160), new(230, 160), new(230, 200), new(130, 200)]);

    /// <summary>A car slows in (3 frames), stands 10 frames at <see cref="Spot"/> with detector jitter, drives off (3), is gone (4).</summary>
    private static List<Detection[]> StopStandLeave()
    {
        var frames = new List<Detection[]>();
        foreach (var x in new[] { 90.0, 115, 135 })
        {
            frames.Add([new("car", 0.8, Spot with { X = x })]);
        }

        for (var i = 0; i < 10; i++)
        {
            var jitter = (i % 3) - 1;
            frames.Add([new(i == 4 ? "truck" : "car", 0.8, new BoundingBox(Spot.X + jitter, Spot.Y - jitter, Spot.Width + jitter, Spot.Height))]);
        }

        foreach (var x in new[] { 170.0, 195, 225 })
        {
            frames.Add([new("car", 0.8, Spot with { X = x })]);
        }

        for (var i = 0; i < 4; i++)
        {
            frames.Add([]);
        }

        return frames;
    }

    [Fact]
    public void Vehicle_that_stops_stands_and_leaves_is_one_track_and_one_stationary_episode()
    {
        var tracker = new ObjectTracker();
        var monitor = new ViolationMonitor(new ViolationRuleOptions(), new EpisodeTrackerOptions { EndCutoff = TimeSpan.FromSeconds(6) });
        var tracks = new TrackerState();
        var episodes = new EpisodeTrackerState();
        var ids = new HashSet<long>();
        var standing = new List<double>();
        var opened = new List<ViolationEpisode>();
        var resolved = new List<ViolationEpisode>();
        var frames = StopStandLeave();
        for (var i = 0; i < frames.Count; i++)
        {
            var at = T0.AddSeconds(2 * i);
            var step = tracker.Step(tracks, frames[i], _ => true, at);
            tracks = step.State;
            ids.UnionWith(step.Objects.Select(o => o.TrackId!.Value));
            standing.Add(step.Objects.SingleOrDefault()?.StandingSeconds ?? -1);
            var analysis = new FrameAnalysis(null, new FrameStatistics(352, 240, 100, 20, $"{i:x16}", 0), step.Objects, new Dictionary<string, int>(), "test/1");
            var episodeStep = monitor.Process(episodes, analysis, at, [Junction]);
            episodes = episodeStep.State;
            opened.AddRange(episodeStep.Opened);
            resolved.AddRange(episodeStep.Resolved);
        }

        Assert.Single(ids);
        Assert.Equal([0, 0, 0, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 0, 0, 0], standing.Take(16));
        var episode = Assert.Single(opened);
        Assert.Equal(ViolationTypes.BlockingTheBox, episode.Type);
        Assert.Single(resolved);
        Assert.Empty(tracks.Tracks);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void Another_vehicle_taking_the_same_spot_opens_its_own_episode_when_tracked(bool tracked, int episodes)
    {
        var monitor = new ViolationMonitor(new ViolationRuleOptions(), new EpisodeTrackerOptions { EndCutoff = TimeSpan.FromSeconds(30) });
        var state = new EpisodeTrackerState();
        var opened = 0;
        for (var i = 0; i < 12; i++)
        {
            // Vehicle 1 stands for 6 frames; vehicle 2 takes the same spot at once and stands 6 frames.
            var track = i < 6 ? 1L : 2L;
            var car = new Detection("car", 0.9, Spot, tracked ? track : null, tracked ? 2 * (i % 6) + 4 : null);
            var analysis = new FrameAnalysis(null, new FrameStatistics(352, 240, 100, 20, $"{i:x16}", 0), [car], new Dictionary<string, int>(), "test/1");
            var step = monitor.Process(state, analysis, T0.AddSeconds(2 * i), [Junction]);
            state = step.State;
            opened += step.Opened.Count;
        }

        Assert.Equal(episodes, opened);
    }

    [Fact]
    public void Moving_traffic_through_the_box_is_no_violation()
    {
        var tracker = new ObjectTracker();
        var tracks = new TrackerState();
        var candidates = 0;
        for (var i = 0; i < 8; i++)
        {
            var step = tracker.Step(tracks, [new Detection("car", 0.9, Spot with { X = 100 + (25 * i) })], _ => true, T0.AddSeconds(2 * i));
            tracks = step.State;
            candidates += ViolationRules.Evaluate(step.Objects, [Junction]).Count;
        }

        Assert.Equal(0, candidates);
        Assert.Single(tracks.Tracks);
    }

    [Fact]
    public void Track_outside_the_examined_regions_is_carried_over_unchanged_and_keeps_standing()
    {
        var tracker = new ObjectTracker();
        var state = tracker.Step(new TrackerState(), [new Detection("bus", 0.9, Spot)], _ => true, T0).State;
        state = tracker.Step(state, [new Detection("bus", 0.9, Spot)], _ => true, T0.AddSeconds(2)).State;

        var carried = tracker.Step(state, [], _ => false, T0.AddSeconds(20));

        var bus = Assert.Single(carried.Objects);
        Assert.Equal(20, bus.StandingSeconds);
        Assert.Equal(state.Tracks[0].Id, bus.TrackId);
        var missed = tracker.Step(carried.State, [], _ => true, T0.AddSeconds(22));
        Assert.Empty(missed.Objects);
        Assert.Single(missed.State.Tracks);
        Assert.Empty(tracker.Step(missed.State, [], _ => true, T0.AddSeconds(24)).State.Tracks);
    }

    [Fact]
    public void Tracks_survive_a_json_round_trip_as_grain_state_does()
    {
        var tracker = new ObjectTracker();
        var state = tracker.Step(new TrackerState(), [new Detection("car", 0.9, Spot), new Detection("person", 0.7, new BoundingBox(20, 100, 10, 30))], _ => true, T0).State;
        var settings = new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All };

        var json = Newtonsoft.Json.JsonConvert.SerializeObject(state, settings);
        var back = Newtonsoft.Json.JsonConvert.DeserializeObject<TrackerState>(json, settings)!;

        Assert.Equal(state.NextId, back.NextId);
        Assert.Equal(state.Frame, back.Frame);
        Assert.Equal(state.Tracks, back.Tracks);
    }

    [Fact]
    public void Invalid_options_fail_at_start()
    {
        Assert.Throws<ArgumentException>(() => new ObjectTracker(new ObjectTrackerOptions { MatchIoU = 0 }));
        Assert.Throws<ArgumentException>(() => new ObjectTracker(new ObjectTrackerOptions { MaxMisses = 0 }));
    }
}
