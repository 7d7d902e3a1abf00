namespace VibeCheck.Grains.Forecasting;

/// <summary>
/// A camera forecast grain's persisted state (Redis hash <c>{ServiceId}/state/cameraforecast/{id}/forecast</c>).
/// The series is kept as parallel arrays, oldest first, so that five weeks of 5-minute buckets stay a compact
/// document. Stored as JSON with the type name inside: rename nothing here without a migration.
/// </summary>
public sealed class ActivitySeriesState
{
    /// <summary>Bucket starts as whole minutes since the Unix epoch, ascending and distinct.</summary>
    public long[] BucketMinutes { get; set; } = [];

    /// <summary>Vehicles counted per bucket.</summary>
    public int[] Vehicles { get; set; } = [];

    /// <summary>Persons counted per bucket.</summary>
    public int[] Persons { get; set; } = [];

    /// <summary>Violations of any type per bucket.</summary>
    public int[] Violations { get; set; } = [];

    /// <summary>Buckets recorded since the last fit (0: the cached forecast is current).</summary>
    public int BucketsSinceFit { get; set; }

    /// <summary>The last fit, reused until new buckets arrive.</summary>
    public CachedForecast? Forecast { get; set; }

    /// <summary>Start of the last bucket that raised an unusual-activity alert, so a re-sent bucket does not raise it twice.</summary>
    public long? LastAlertedBucketMinute { get; set; }
}

/// <summary>One fit of a camera's activity: the forecast path to the longest horizon, one point per bucket.</summary>
public sealed class CachedForecast
{
    public DateTimeOffset FittedAt { get; set; }
    public bool Ok { get; set; }
    public string? Message { get; set; }
    public string Model { get; set; } = "none";
    public double Level { get; set; }
    public int HistoryBuckets { get; set; }
    public long? LastBucketMinute { get; set; }

    /// <summary>Timestamp of the first forecast point, minutes since the Unix epoch; points follow one bucket apart.</summary>
    public long FirstPointMinute { get; set; }
    public double[] Values { get; set; } = [];
    public double[] Lower { get; set; } = [];
    public double[] Upper { get; set; } = [];
}
