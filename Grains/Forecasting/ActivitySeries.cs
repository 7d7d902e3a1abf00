using VibeCheck.Forecasting;
using VibeCheck.Grains.Interfaces.Forecasting;

namespace VibeCheck.Grains.Forecasting;

/// <summary>Pure operations on the parallel arrays of <see cref="ActivitySeriesState"/>.</summary>
public static class ActivitySeries
{
    private static readonly HashSet<string> VehicleLabels = new(["vehicle", "car", "truck", "bus", "motorcycle"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> PersonLabels = new(["person", "pedestrian"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Minutes since the Unix epoch of a time.</summary>
    public static long ToMinute(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    /// <summary>The time of a minute since the Unix epoch.</summary>
    public static DateTimeOffset FromMinute(long minute) => DateTimeOffset.FromUnixTimeSeconds(minute * 60);

    /// <summary>
    /// Adds the bucket, or replaces the one with the same start; then drops buckets that start before
    /// <paramref name="keepFromMinute"/>. Returns false when the bucket itself is older than that (nothing changed).
    /// </summary>
    public static bool Upsert(ActivitySeriesState s, ActivityBucketReport bucket, long keepFromMinute)
    {
        long minute = ToMinute(bucket.BucketStart);
        if (minute < keepFromMinute)
        {
            return false;
        }

        int vehicles = Sum(bucket.CountsByClass, VehicleLabels);
        int persons = Sum(bucket.CountsByClass, PersonLabels);
        int violations = bucket.ViolationsByType.Values.Sum();
        int i = Array.BinarySearch(s.BucketMinutes, minute);
        if (i >= 0)
        {
            s.Vehicles[i] = vehicles;
            s.Persons[i] = persons;
            s.Violations[i] = violations;
        }
        else
        {
            i = ~i;
            s.BucketMinutes = Insert(s.BucketMinutes, i, minute);
            s.Vehicles = Insert(s.Vehicles, i, vehicles);
            s.Persons = Insert(s.Persons, i, persons);
            s.Violations = Insert(s.Violations, i, violations);
        }

        Trim(s, keepFromMinute);
        return true;
    }

    /// <summary>The forecast series: vehicles + persons per bucket.</summary>
    public static TimePoint[] Activity(ActivitySeriesState s)
    {
        var points = new TimePoint[s.BucketMinutes.Length];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new TimePoint(FromMinute(s.BucketMinutes[i]), s.Vehicles[i] + s.Persons[i]);
        }

        return points;
    }

    /// <summary>The buckets starting at or after <paramref name="fromMinute"/>, oldest first.</summary>
    public static ActivityHistoryBucket[] Since(ActivitySeriesState s, long fromMinute)
    {
        int first = Array.BinarySearch(s.BucketMinutes, fromMinute);
        first = first >= 0 ? first : ~first;
        var buckets = new ActivityHistoryBucket[s.BucketMinutes.Length - first];
        for (int i = first; i < s.BucketMinutes.Length; i++)
        {
            buckets[i - first] = new ActivityHistoryBucket(FromMinute(s.BucketMinutes[i]), s.Vehicles[i], s.Persons[i], s.Violations[i]);
        }

        return buckets;
    }

    private static void Trim(ActivitySeriesState s, long keepFromMinute)
    {
        int drop = 0;
        while (drop < s.BucketMinutes.Length && s.BucketMinutes[drop] < keepFromMinute)
        {
            drop++;
        }

        if (drop > 0)
        {
            s.BucketMinutes = s.BucketMinutes[drop..];
            s.Vehicles = s.Vehicles[drop..];
            s.Persons = s.Persons[drop..];
            s.Violations = s.Violations[drop..];
        }
    }

    private static T[] Insert<T>(T[] array, int index, T value)
    {
        var result = new T[array.Length + 1];
        Array.Copy(array, 0, result, 0, index);
        result[index] = value;
        Array.Copy(array, index, result, index + 1, array.Length - index);
        return result;
    }

    private static int Sum(IReadOnlyDictionary<string, int> counts, HashSet<string> labels) =>
        counts.Where(c => labels.Contains(c.Key)).Sum(c => c.Value);
}
