namespace VibeCheck.Vision.Activity;

/// <summary>
/// Pure functions over a list of <see cref="ActivityBucket"/>s (oldest first), kept in grain state: add a frame,
/// add opened episodes, keep the latest buckets.
/// </summary>
public static class ActivityCounter
{
    /// <summary>Bucket width.</summary>
    public static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(5);

    /// <summary>Default number of buckets kept: one day.</summary>
    public const int DefaultMaxBuckets = 288;

    /// <summary>Start of the bucket holding <paramref name="at"/>.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % BucketWidth.Ticks), TimeSpan.Zero);
    }

    /// <summary>Counts one analysed frame's detections and the episodes it opened.</summary>
    public static IReadOnlyList<ActivityBucket> AddFrame(
        IReadOnlyList<ActivityBucket> buckets,
        DateTimeOffset at,
        IReadOnlyList<Detection> detections,
        IEnumerable<string> openedViolationTypes,
        int maxBuckets = DefaultMaxBuckets)
    {
        var start = BucketStart(at);
        var list = buckets.ToList();
        var index = list.FindIndex(b => b.Start == start);
        var bucket = index >= 0 ? list[index] : new ActivityBucket { Start = start };

        var perLabel = detections.GroupBy(d => d.Label).ToDictionary(g => g.Key, g => g.Count());
        var objectFrames = new Dictionary<string, int>(bucket.ObjectFrames);
        var peak = new Dictionary<string, int>(bucket.PeakObjects);
        foreach (var (label, count) in perLabel)
        {
            objectFrames[label] = objectFrames.GetValueOrDefault(label) + count;
            peak[label] = Math.Max(peak.GetValueOrDefault(label), count);
        }

        var violations = new Dictionary<string, int>(bucket.ViolationsOpened);
        foreach (var type in openedViolationTypes)
        {
            violations[type] = violations.GetValueOrDefault(type) + 1;
        }

        var next = bucket with { Frames = bucket.Frames + 1, ObjectFrames = objectFrames, PeakObjects = peak, ViolationsOpened = violations };
        if (index >= 0)
        {
            list[index] = next;
        }
        else
        {
            list.Add(next);
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        return list.Count > maxBuckets ? list.Skip(list.Count - maxBuckets).ToList() : list;
    }
}
