namespace VibeCheck.Forecasting;

/// <summary>How to regularise, clean and forecast a series. Defaults suit 5-minute camera activity.</summary>
public sealed record ForecastOptions
{
    /// <summary>Default bucket width.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(5);

    /// <summary>Bucket width of the regularised series; duplicates within a bucket are averaged.</summary>
    public TimeSpan Step { get; init; } = DefaultStep;

    /// <summary>Number of steps to forecast.</summary>
    public int Horizon { get; init; } = 12;

    /// <summary>Seasonal periods; those that do not fit twice into the history are ignored.</summary>
    public IReadOnlyList<TimeSpan> SeasonalPeriods { get; init; } = [TimeSpan.FromDays(1), TimeSpan.FromDays(7)];

    /// <summary>Coverage probability of the prediction intervals, in (0, 1).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>The model of the seasonally adjusted series; <see cref="ForecastModel.Auto"/> chooses by holdout.</summary>
    public ForecastModel Model { get; init; } = ForecastModel.Auto;

    /// <summary>Gaps up to this long are interpolated linearly; longer ones are filled from the decomposition and marked.</summary>
    public TimeSpan MaxInterpolatedGap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Shortest history (first to last observation) that is forecast at all.</summary>
    public TimeSpan MinimumHistory { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Minimum share of buckets that hold an observation.</summary>
    public double MinimumCoverage { get; init; } = 0.5;

    /// <summary>Only the most recent part of the history this long is used (bounds fitting time).</summary>
    public TimeSpan? MaximumHistory { get; init; } = TimeSpan.FromDays(35);

    /// <summary>Replace spikes and dips beyond <see cref="OutlierThreshold"/> robust standard deviations before fitting.</summary>
    public bool CleanOutliers { get; init; } = true;

    /// <summary>Robust z-score beyond which a residual is a spike or dip.</summary>
    public double OutlierThreshold { get; init; } = 5.0;

    /// <summary>
    /// Shift the history before a lasting step change to the level after it. Off by default: the detector works on a
    /// preliminary MSTL whose weekly cycle partly absorbs a step, and can then misplace it.
    /// </summary>
    public bool AdjustLevelShifts { get; init; }

    /// <summary>Estimate and forecast a US federal holiday effect (per time of day).</summary>
    public bool HolidayEffect { get; init; } = true;

    /// <summary>Time zone whose calendar days decide holidays and times of day (IANA id); UTC when unknown.</summary>
    public string TimeZoneId { get; init; } = "America/New_York";

    /// <summary>Clamp forecasts and interval bounds at zero (counts cannot be negative).</summary>
    public bool NonNegative { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        if (Step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Step), Step, "Step must be positive.");
        }

        if (Horizon < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "Horizon must be at least one step.");
        }

        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Level must lie strictly between 0 and 1.");
        }

        if (!(MinimumCoverage >= 0 && MinimumCoverage <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumCoverage), MinimumCoverage, "MinimumCoverage must lie in [0, 1].");
        }

        if (OutlierThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(OutlierThreshold), OutlierThreshold, "OutlierThreshold must be positive.");
        }

        if (SeasonalPeriods.Any(p => p < Step))
        {
            throw new ArgumentOutOfRangeException(nameof(SeasonalPeriods), "Seasonal periods must be at least one step.");
        }
    }
}
