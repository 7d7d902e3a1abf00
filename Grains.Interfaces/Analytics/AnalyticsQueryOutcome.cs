namespace VibeCheck.Grains.Interfaces.Analytics;

/// <summary>How an analytics query ended.</summary>
[GenerateSerializer, Alias("vibecheck.AnalyticsQueryStatus")]
public enum AnalyticsQueryStatus
{
    /// <summary>It ran; the result is in the outcome.</summary>
    Ok,

    /// <summary>Refused before running: not a single SELECT, or the SQL does not parse or bind.</summary>
    Rejected,

    /// <summary>It ran past the query timeout and was interrupted.</summary>
    TimedOut,
}

/// <summary>The answer of <see cref="IWarehouseGrain.Query"/>.</summary>
/// <param name="Status">Whether it ran.</param>
/// <param name="Reason">Why it was refused or stopped; null when it ran.</param>
/// <param name="Columns">Column names.</param>
/// <param name="ColumnTypes">Backend type of each column.</param>
/// <param name="RowsJson">The rows as a JSON array of arrays (values: null, string, number, bool, ISO time, list, object).</param>
/// <param name="Truncated">True when the row limit cut the result short.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.AnalyticsQueryOutcome")]
public sealed record AnalyticsQueryOutcome(
    [property: Id(0)] AnalyticsQueryStatus Status,
    [property: Id(1)] string? Reason,
    [property: Id(2)] IReadOnlyList<string> Columns,
    [property: Id(3)] IReadOnlyList<string> ColumnTypes,
    [property: Id(4)] string RowsJson,
    [property: Id(5)] bool Truncated)
{
    /// <summary>A refusal or timeout with its reason.</summary>
    public static AnalyticsQueryOutcome Failed(AnalyticsQueryStatus status, string reason) => new(status, reason, [], [], "[]", false);
}
