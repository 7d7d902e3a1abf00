using VibeCheck.Vision.Activity;

namespace VibeCheck.Vision.Tests;

public sealed class ActivityCounterTests
{
    [Fact]
    public void Frames_fall_into_aligned_five_minute_buckets()
    {
        var t = new DateTimeOffset(2026, 8, 7, 18, 33, 20, TimeSpan.FromHours(-4));
        Detection Car() => new("car", 0.9, new BoundingBox(0, 0, 10, 10));
        IReadOnlyList<ActivityBucket> buckets = [];
        buckets = ActivityCounter.AddFrame(buckets, t, [Car(), Car(), new("person", 0.5, default)], []);
        buckets = ActivityCounter.AddFrame(buckets, t.AddSeconds(90), [Car()], ["double_parking"]);
        buckets = ActivityCounter.AddFrame(buckets, t.AddMinutes(2), [], []);

        Assert.Equal(2, buckets.Count);
        Assert.Equal(new DateTimeOffset(2026, 8, 7, 22, 30, 0, TimeSpan.Zero), buckets[0].Start);
        Assert.Equal(2, buckets[0].Frames);
        Assert.Equal(3, buckets[0].ObjectFrames["car"]);
        Assert.Equal(2, buckets[0].PeakObjects["car"]);
        Assert.Equal(1, buckets[0].ViolationsOpened["double_parking"]);
        Assert.Equal(1, buckets[1].Frames);
        Assert.Single(ActivityCounter.AddFrame(buckets, t.AddMinutes(10), [], [], maxBuckets: 1));

        // Kept in grain state as JSON.
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(buckets);
        var back = Newtonsoft.Json.JsonConvert.DeserializeObject<List<ActivityBucket>>(json)!;
        Assert.Equal(json, Newtonsoft.Json.JsonConvert.SerializeObject(back));
        Assert.Equal(3, back[0].ObjectFrames["car"]);
    }
}
