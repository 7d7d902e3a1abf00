namespace VibeCheck.Grains.Interfaces.Analytics;

/// <summary>Warehouse rows on their way from a silo's batching writer to <see cref="IWarehouseGrain"/>.</summary>
/// <param name="Rows">The rows, each as its table and JSON form.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.AnalyticsRowBatch")]
public sealed record AnalyticsRowBatch([property: Id(0)] IReadOnlyList<AnalyticsRowEnvelope> Rows);

/// <summary>One warehouse row in transit.</summary>
/// <param name="Table">Table name as the warehouse library spells it (e.g. <c>RealtimeViolations</c>).</param>
/// <param name="Json">The row record serialised with System.Text.Json.</param>
[GenerateSerializer, Immutable, Alias("vibecheck.AnalyticsRowEnvelope")]
public sealed record AnalyticsRowEnvelope([property: Id(0)] string Table, [property: Id(1)] string Json);
