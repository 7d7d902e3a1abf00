namespace VibeCheck.Grains.Interfaces.Forecasting;

/// <summary>
/// A camera's activity series and forecasts (key: the camera's UUID, the same as its <see cref="ICameraGrain"/>).
/// Kept apart from the camera grain so that polling state stays small while the series holds weeks of buckets.
/// </summary>
[Alias("vibecheck.ICameraForecastGrain")]
public interface ICameraForecastGrain : IGrainWithGuidKey
{
    /// <summary>Adds or replaces one closed bucket; returns once it is persisted.</summary>
    [Alias("RecordActivity")]
    Task RecordActivity(ActivityBucketReport bucket);
}
