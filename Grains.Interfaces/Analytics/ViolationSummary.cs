namespace VibeCheck.Grains.Interfaces.Analytics;

/// <summary>How violation summaries are grouped.</summary>
[GenerateSerializer, Alias("vibecheck.AnalyticsGrouping")]
public enum AnalyticsGrouping
{
    /// <summary>By camera id.</summary>
    Camera,

    /// <summary>By violation type.</summary>
    Type,

    /// <summary>By UTC hour of the episode start (<c>yyyy-MM-ddTHH:00:00Z</c>).</summary>
    Hour,

    /// <summary>By borough (<c>unknown</c> when not known).</summary>
    Borough,

    /// <summary>By UTC day of the episode start (<c>yyyy-MM-ddT00:00:00Z</c>).</summary>
    Day,
}

/// <summary>One group of a violation summary.</summary>
/// <param name="Key">Camera id, violation type, hour or borough.</param>
/// <param name="Violations">Number of episodes.</param>
/// <param name="AverageConfidence">Mean detector confidence.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.ViolationSummary")]
public sealed record ViolationSummary([property: Id(0)] string Key, [property: Id(1)] long Violations, [property: Id(2)] double AverageConfidence);

/// <summary>Violations of one type at one camera.</summary>
/// <param name="Camera">Camera id.</param>
/// <param name="Type">Violation type.</param>
/// <param name="Violations">Number of episodes.</param>
/// <param name="AverageConfidence">Mean detector confidence.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.CameraTypeViolationSummary")]
public sealed record CameraTypeViolationSummary(
    [property: Id(0)] string Camera, [property: Id(1)] string Type, [property: Id(2)] long Violations, [property: Id(3)] double AverageConfidence);
