namespace VibeCheck.Grains.Interfaces.Analytics;

/// <summary>
/// The cluster's single door to the analytics warehouse (key <see cref="Key"/>). With the embedded DuckDB it owns the
/// one connection to the database file, so every silo's batches land in one file and queries see all of them; with
/// BigQuery silos write directly and this grain only answers queries.
/// </summary>
[Alias("vibecheck.IWarehouseGrain")]
public interface IWarehouseGrain : IGrainWithStringKey
{
    /// <summary>The one activation's key.</summary>
    const string Key = "warehouse";

    /// <summary>Writes a batch idempotently (rows with an id already stored replace it); throws when it was not written.</summary>
    [Alias("Write")]
    Task Write(AnalyticsRowBatch batch);

    /// <summary>Runs one read-only SELECT with the configured row and time limits; refusals come back as an outcome.</summary>
    [Alias("Query")]
    Task<AnalyticsQueryOutcome> Query(string sql);

    /// <summary>Violation episodes that started in [<paramref name="from"/>, <paramref name="to"/>), grouped.</summary>
    [Alias("SummarizeViolations")]
    Task<IReadOnlyList<ViolationSummary>> SummarizeViolations(DateTimeOffset from, DateTimeOffset to, AnalyticsGrouping groupBy);

    /// <summary>Violation episodes that started in [<paramref name="from"/>, <paramref name="to"/>), per camera and type.</summary>
    [Alias("SummarizeViolationsByCameraAndType")]
    Task<IReadOnlyList<CameraTypeViolationSummary>> SummarizeViolationsByCameraAndType(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Whether the backend answers and its schema is in place.</summary>
    [Alias("CheckHealth")]
    Task<AnalyticsHealth> CheckHealth();
}

/// <summary>Result of <see cref="IWarehouseGrain.CheckHealth"/>.</summary>
/// <param name="Healthy">Whether the backend answered and its schema is in place.</param>
/// <param name="Provider">Provider name, e.g. <c>DuckDb</c>.</param>
/// <param name="Detail">Schema version or the error met.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.AnalyticsHealth")]
public sealed record AnalyticsHealth([property: Id(0)] bool Healthy, [property: Id(1)] string Provider, [property: Id(2)] string Detail);
