using OpenCvSharp;
using VibeCheck.Vision.Cascade;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Vision.Tests.Tracking;

public sealed class RegionPlannerTests
{
    private static readonly CascadeOptions Options = new() { FullFrameEvery = 10, ReverifyEvery = 5 };
    private static readonly DateTimeOffset T0 = new(2026, 8, 7, 18, 30, 0, TimeSpan.Zero);

    private static double Cost(Rect r) => (r.Width * r.Height) + 1000;

    private static DetectorPlan Plan(IReadOnlyList<Rect>? motion, long frame, params TrackedObject[] tracks) =>
        RegionPlanner.Plan(352, 240, motion, tracks, frame, Options, Cost);

    private static TrackedObject Parked(long lastVerifiedFrame) =>
        new(1, "car", 0.9, new BoundingBox(200, 150, 40, 30), T0, T0, new BoundingBox(200, 150, 40, 30), T0, 5, 0, lastVerifiedFrame);

    [Fact]
    public void First_frame_and_every_nth_frame_look_at_the_whole_frame()
    {
        Assert.True(Plan(null, 7).FullFrame);
        Assert.True(Plan([], 1).FullFrame);
        Assert.True(Plan([], 11).FullFrame);
        Assert.False(Plan([], 12).FullFrame);
    }

    [Fact]
    public void Nothing_moved_and_nothing_due_means_no_detector_call()
    {
        var plan = Plan([], 3, Parked(lastVerifiedFrame: 1));

        Assert.False(plan.FullFrame);
        Assert.Empty(plan.Regions);
        Assert.False(plan.Examines(Parked(1).Box));
    }

    [Fact]
    public void Small_motion_is_looked_at_in_a_grown_region_and_a_stationary_object_when_due()
    {
        var plan = Plan([new Rect(40, 100, 20, 12)], 6, Parked(lastVerifiedFrame: 1));

        Assert.False(plan.FullFrame);
        Assert.Equal(2, plan.Regions.Count);
        Assert.All(plan.Regions, r => Assert.True(r.Width >= Options.MinRegionSide && r.Height >= Options.MinRegionSide));
        Assert.True(plan.Examines(new BoundingBox(42, 100, 16, 12)));
        Assert.True(plan.Examines(Parked(1).Box));
    }

    [Fact]
    public void Motion_all_over_the_frame_is_one_whole_frame_look()
    {
        var motion = Enumerable.Range(0, 8).Select(i => new Rect(10 + (40 * i), 30 + (80 * (i % 3)), 20, 20)).ToList();

        Assert.True(Plan(motion, 4).FullFrame);
    }

    [Fact]
    public void Cascade_off_always_looks_at_the_whole_frame()
    {
        var plan = RegionPlanner.Plan(352, 240, [], [], 4, Options with { Enabled = false }, Cost);

        Assert.True(plan.FullFrame);
    }
}
