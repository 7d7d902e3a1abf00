using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>Synthetic camera activity: a daily cycle plus seeded noise, in closed 5-minute buckets ending before now.</summary>
public static class ActivityHistory
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    /// <summary>Start of the last closed bucket.</summary>
    public static DateTimeOffset LastClosedBucket()
    {
        var now = DateTimeOffset.UtcNow;
        var floored = new DateTimeOffset(now.Ticks - now.Ticks % Bucket.Ticks, TimeSpan.Zero);
        return floored - Bucket;
    }

    /// <summary>Vehicles + persons expected at a time of day: 8 at night, 38 in the afternoon.</summary>
    public static double Expected(DateTimeOffset t) => 23 - 15 * Math.Cos(2 * Math.PI * (t.TimeOfDay.TotalHours - 3) / 24);

    /// <summary>Buckets over <paramref name="span"/> ending at <paramref name="last"/>; <paramref name="spikeAt"/> gets +<paramref name="spike"/> vehicles.</summary>
    public static IReadOnlyList<ActivityBucketReport> Daily(Guid camera, DateTimeOffset last, TimeSpan span, int seed, DateTimeOffset? spikeAt = null, int spike = 0)
    {
        var random = new Random(seed);
        var n = (int)(span / Bucket);
        var buckets = new List<ActivityBucketReport>(n);
        for (var i = n - 1; i >= 0; i--)
        {
            var start = last - i * Bucket;
            var total = Math.Max(0, (int)Math.Round(Expected(start) + (random.NextDouble() - 0.5) * 4));
            var persons = total / 3;
            var cars = total - persons + (start == spikeAt ? spike : 0);
            buckets.Add(Report(camera, start, cars, persons));
        }

        return buckets;
    }

    public static ActivityBucketReport Report(Guid camera, DateTimeOffset start, int cars, int persons) => new(
        camera, start, Bucket, 10,
        new Dictionary<string, int> { ["car"] = cars, ["person"] = persons },
        new Dictionary<string, int> { ["red_light"] = 0 });

    public static async Task SeedAsync(IGrainFactory grains, Guid camera, IEnumerable<ActivityBucketReport> buckets)
    {
        var grain = grains.GetGrain<ICameraForecastGrain>(camera);
        foreach (var bucket in buckets)
        {
            await grain.RecordActivity(bucket);
        }
    }
}
