using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Vision.Tests;

public sealed class RulesAndTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);
    private static readonly BoundingBox Parked = new(140, 140, 80, 50);

    private static readonly Zone[] Zones =
    [
        new("bike", ZoneType.BikeLane, [new(100, 150), new(260, 150), new(260, 220), new(100, 220)]),
        new("bus", ZoneType.BusLane, [new(0, 50), new(90, 50), new(90, 120), new(0, 120)]),
        new("walk", ZoneType.Crosswalk, [new(270, 150), new(350, 150), new(350, 200), new(270, 200)]),
        new("kerb", ZoneType.Sidewalk, [new(270, 202), new(350, 202), new(350, 238), new(270, 238)]),
        new("road", ZoneType.Roadway, [new(180, 20), new(350, 20), new(350, 200), new(180, 200)]),
    ];

    private static EpisodeFrame Frame(int i, params ViolationCandidate[] candidates) =>
        new(T0.AddSeconds(2 * i), $"{i:x16}", "test/1", candidates);

    private static ViolationCandidate InBikeLane(BoundingBox box, double score = 0.9) =>
        new(ViolationTypes.CarInBikeLane, "bike", box, score, "car");

    [Fact]
    public void Rules_name_the_violation_of_each_zone_type()
    {
        Detection[] detections =
        [
            new("car", 0.9, Parked),                                 // bike lane
            new("bus", 0.9, new BoundingBox(10, 60, 50, 40)),        // bus in bus lane: allowed
            new("truck", 0.8, new BoundingBox(20, 60, 40, 40)),      // truck in bus lane
            new("car", 0.9, new BoundingBox(280, 140, 50, 40)),      // car on crosswalk ...
            new("person", 0.8, new BoundingBox(300, 190, 10, 25)),   // ... while a pedestrian waits on the kerb
            new("person", 0.8, new BoundingBox(200, 100, 10, 25)),   // pedestrian in roadway
            new("person", 0.8, new BoundingBox(290, 150, 10, 25)),   // pedestrian in roadway but on crosswalk
            new("car", 0.1, new BoundingBox(150, 140, 40, 40)),      // too unsure
        ];

        var found = ViolationRules.Evaluate(detections, Zones).Select(c => (c.Type, c.Zone, c.Label)).ToList();

        Assert.Equal(
            [
                (ViolationTypes.CarInBikeLane, "bike", "car"),
                (ViolationTypes.BusLane, "bus", "truck"),
                (ViolationTypes.BlockingPedestrianFlow, "walk", "car"),
                (ViolationTypes.PedestrianInRoadway, "road", "person"),
            ],
            found);
    }

    [Fact]
    public void Crosswalk_without_waiting_pedestrians_is_no_violation() =>
        Assert.Empty(ViolationRules.Evaluate([new Detection("car", 0.9, new BoundingBox(280, 140, 50, 40))], Zones));

    [Fact]
    public void Episode_opens_after_N_frames_survives_flicker_and_resolves_after_cutoff()
    {
        var tracker = new EpisodeTracker(new EpisodeTrackerOptions { MinConsecutiveFrames = 3, EndCutoff = TimeSpan.FromSeconds(10) });
        var state = EpisodeTrackerState.Empty;
        var log = new List<(int Frame, string Event)>();
        for (var i = 0; i < 20; i++)
        {
            // Present in frames 0..9 except 5 and 6 (occluded by a passing bus), slight jitter.
            var present = i < 10 && i is not 5 and not 6;
            var step = tracker.Step(state, present ? Frame(i, InBikeLane(Parked with { X = Parked.X + (i % 2) })) : Frame(i));
            state = step.State;
            log.AddRange(step.Opened.Select(e => (i, "opened " + e.Id)));
            log.AddRange(step.Resolved.Select(e => (i, $"resolved {e.Id} {e.SupportingFrames}/{e.FramesObserved} {e.EndedAt:HH:mm:ss}")));
        }

        // Opened on the third frame; last evidence frame 9 (18 s); resolved on the first frame more than 10 s later (frame 15).
        Assert.Equal(
            [
                (2, "opened car_bike_lane_violation/bike/20260807T183000Z/1"),
                (15, "resolved car_bike_lane_violation/bike/20260807T183000Z/1 8/10 18:30:18"),
            ],
            log);
        Assert.Empty(state.Open);
    }

    [Fact]
    public void Moving_vehicle_never_builds_consecutive_support()
    {
        var tracker = new EpisodeTracker();
        var state = EpisodeTrackerState.Empty;
        for (var i = 0; i < 6; i++)
        {
            var step = tracker.Step(state, Frame(i, InBikeLane(new BoundingBox(100 + (70 * i), 150, 60, 40))));
            Assert.Empty(step.Opened);
            state = step.State;
        }
    }

    [Fact]
    public void Confidence_rises_with_persistence_and_stays_in_unit_range()
    {
        var tracker = new EpisodeTracker();
        var state = EpisodeTrackerState.Empty;
        var confidences = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            state = tracker.Step(state, Frame(i, InBikeLane(Parked, i == 4 ? 0.05 : 0.9))).State;
            confidences.AddRange(state.Open.Select(e => e.Confidence));
        }

        Assert.All(confidences, c => Assert.InRange(c, 0, 1));
        Assert.Equal(0.6, confidences[0], 3);          // 0.9 × 3/(3+1.5) on opening
        Assert.True(confidences[^1] > 0.78);           // one bad score does not move the median
        Assert.Equal(confidences.Order(), confidences);
        Assert.Single(state.Open);
    }

    [Theory]
    [InlineData(Newtonsoft.Json.TypeNameHandling.None)]
    [InlineData(Newtonsoft.Json.TypeNameHandling.Auto)]
    [InlineData(Newtonsoft.Json.TypeNameHandling.All)]
    public void State_round_trips_through_Newtonsoft_mid_episode(Newtonsoft.Json.TypeNameHandling typeNames)
    {
        var tracker = new EpisodeTracker();
        var direct = EpisodeTrackerState.Empty;
        var persisted = EpisodeTrackerState.Empty;
        var settings = new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = typeNames };
        var opened = 0;
        for (var i = 0; i < 25; i++)
        {
            var frame = i < 8 ? Frame(i, InBikeLane(Parked)) : Frame(i);
            direct = tracker.Step(direct, frame).State;
            var step = tracker.Step(persisted, frame);
            opened += step.Opened.Count;
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(step.State, settings);
            persisted = Newtonsoft.Json.JsonConvert.DeserializeObject<EpisodeTrackerState>(json, settings)!;
            Assert.Equal(
                Newtonsoft.Json.JsonConvert.SerializeObject(direct, settings),
                Newtonsoft.Json.JsonConvert.SerializeObject(persisted, settings));
        }

        Assert.Equal(1, opened);
        Assert.Empty(persisted.Open);
        Assert.Equal(1, persisted.NextSequence);
    }

    [Fact]
    public void State_round_trips_through_System_Text_Json()
    {
        var tracker = new EpisodeTracker();
        var state = EpisodeTrackerState.Empty;
        for (var i = 0; i < 5; i++)
        {
            state = tracker.Step(state, Frame(i, InBikeLane(Parked))).State;
        }

        var json = System.Text.Json.JsonSerializer.Serialize(state);
        var back = System.Text.Json.JsonSerializer.Deserialize<EpisodeTrackerState>(json)!;
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back));
        var episode = Assert.Single(back.Open);
        Assert.Equal(Parked, episode.LastBox);
        Assert.Equal(5, episode.Evidence.Count);
    }

    [Fact]
    public void Invalid_tracker_options_fail_at_construction() =>
        Assert.Throws<ArgumentException>(() => new EpisodeTracker(new EpisodeTrackerOptions { EndCutoff = TimeSpan.Zero }));

    [Fact]
    public void Expire_resolves_episodes_when_frames_stop()
    {
        var tracker = new EpisodeTracker();
        var state = EpisodeTrackerState.Empty;
        for (var i = 0; i < 4; i++)
        {
            state = tracker.Step(state, Frame(i, InBikeLane(Parked))).State;
        }

        Assert.Empty(tracker.Expire(state, T0.AddSeconds(20)).Resolved);
        var expired = tracker.Expire(state, T0.AddSeconds(6 + 31));
        Assert.Equal(EpisodeStatus.Resolved, Assert.Single(expired.Resolved).Status);
        Assert.Empty(expired.State.Open);
    }
}
