using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Grains.Forecasting;

/// <summary>How camera activity is kept, forecast and watched for anomalies. Section <c>Forecasting</c>.</summary>
public sealed class ForecastingOptions : IValidatableObject
{
    public const string SectionName = "Forecasting";

    /// <summary>Default horizons, minutes ahead of the last bucket.</summary>
    public const string DefaultHorizons = "15,30,60,1440";

    /// <summary>
    /// Horizons forecast and cached, minutes ahead of the last bucket, comma-separated; each a whole number of
    /// buckets. (A string, because binding a list onto a non-empty default appends to it.)
    /// </summary>
    [Required]
    public string Horizons { get; set; } = DefaultHorizons;

    /// <summary>Time between two refits of a camera whose series received new buckets.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefitPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Share of <see cref="RefitPeriod"/> over which first refits are spread, so cameras do not refit in the same second.</summary>
    [Range(0.0, 1.0)]
    public double RefitJitter { get; set; } = 1.0;

    /// <summary>How much of the series is kept (older buckets are dropped); the forecaster uses at most 35 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "60.00:00:00")]
    public TimeSpan HistoryLength { get; set; } = TimeSpan.FromDays(35);

    /// <summary>Bucket width of the series; buckets reported with another length are refused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan BucketLength { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Interval probability beyond which the latest bucket raises an "unusual activity for this hour" alert.</summary>
    [Range(0.5, 0.999999)]
    public double AlertProbability { get; set; } = 0.99;

    /// <summary>The horizons, parsed, ascending and distinct.</summary>
    public IReadOnlyList<int> HorizonMinutes() =>
        Horizons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).Distinct().Order().ToArray();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var parts = Horizons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bucketMinutes = BucketLength.TotalMinutes;
        if (parts.Length == 0 || parts.Any(p => !int.TryParse(p, out var m) || m <= 0 || m > 7 * 24 * 60 || m % bucketMinutes != 0))
        {
            yield return new ValidationResult(
                $"Horizons must be comma-separated whole minutes in (0, 10080], each a multiple of the bucket length ({bucketMinutes} min); got '{Horizons}'.",
                [nameof(Horizons)]);
        }
    }
}
