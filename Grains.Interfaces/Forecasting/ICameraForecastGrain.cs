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

    /// <summary>
    /// The forecast of each horizon (minutes ahead), from the last fit; fitted now when none was made yet. A horizon
    /// the cluster does not forecast answers <see cref="PredictionStatus.HorizonNotConfigured"/>.
    /// </summary>
    [Alias("GetPredictions")]
    Task<IReadOnlyList<CameraPrediction>> GetPredictions(IReadOnlyList<int> horizonsMinutes);

    /// <summary>Buckets of the stored history whose activity falls outside the interval at <paramref name="probability"/>.</summary>
    [Alias("GetAnomalies")]
    Task<ActivityAnomalyReport> GetAnomalies(double probability);

    /// <summary>The stored buckets starting at or after <paramref name="since"/>, oldest first (the page's history chart).</summary>
    [Alias("GetActivity")]
    Task<ActivityHistoryReport> GetActivity(DateTimeOffset since);

    /// <summary>Fits the forecasts now on the stored series (as the periodic refit does) and returns once they are stored.</summary>
    [Alias("Refit")]
    Task Refit();

    /// <summary>Size and span of the stored series.</summary>
    [Alias("GetSeriesSummary")]
    Task<ActivitySeriesSummary> GetSeriesSummary();
}
