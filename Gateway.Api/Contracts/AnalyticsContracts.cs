using System.Text.Json;
using VibeCheck.Gateway.Http.Csv;

namespace VibeCheck.Gateway.Contracts;

/// <summary><c>POST /analytics/query</c> body: one read-only SELECT against the warehouse.</summary>
public sealed record AnalyticsQueryRequest(string? Sql);

/// <summary>
/// <c>POST /analytics/query</c> answer. <c>rows</c> is an array of arrays in column order; timestamps are ISO 8601 UTC.
/// <c>truncated</c> is true when the row limit (<c>Warehouse:MaxQueryRows</c>) cut the result short.
/// </summary>
public sealed record AnalyticsQueryResponse(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTypes,
    JsonElement Rows,
    int RowCount,
    bool Truncated) : ICsvTable
{
    IReadOnlyList<string> ICsvTable.CsvHeader() => Columns;

    IEnumerable<IReadOnlyList<object?>> ICsvTable.CsvRows() =>
        Rows.EnumerateArray().Select(row => row.EnumerateArray().Select(v => (object?)v).ToArray());
}

/// <summary>
/// <c>GET /analytics/violations</c> answer: episodes started in [from, to) grouped by <c>groupBy</c>. <c>total</c> counts
/// every episode of the range, also when <c>limit</c> kept only the largest groups. As CSV: the groups.
/// </summary>
public sealed record ViolationSummaryResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string GroupBy,
    long Total,
    IReadOnlyList<ViolationSummaryItem> Groups) : ICsvTable
{
    IReadOnlyList<string> ICsvTable.CsvHeader() => [GroupBy, "violations", "averageConfidence"];

    IEnumerable<IReadOnlyList<object?>> ICsvTable.CsvRows() => Groups.Select(g => g.CsvRow());
}

/// <summary>One group of a violation summary.</summary>
public sealed record ViolationSummaryItem(string Key, long Violations, double AverageConfidence)
{
    internal IReadOnlyList<object?> CsvRow(params object?[] before) => [.. before, Key, Violations, AverageConfidence];
}

/// <summary>
/// <c>GET /analytics/overview</c> answer: for [from, to), violations over time (by <c>bucket</c>: hour or day), by type,
/// by borough and the top cameras (largest first). As CSV: one row per group, its <c>series</c> first.
/// </summary>
public sealed record AnalyticsOverviewResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string Bucket,
    long Total,
    IReadOnlyList<ViolationSummaryItem> OverTime,
    IReadOnlyList<ViolationSummaryItem> ByType,
    IReadOnlyList<ViolationSummaryItem> ByBorough,
    IReadOnlyList<ViolationSummaryItem> TopCameras) : ICsvTable
{
    IReadOnlyList<string> ICsvTable.CsvHeader() => ["series", "key", "violations", "averageConfidence"];

    IEnumerable<IReadOnlyList<object?>> ICsvTable.CsvRows() =>
        OverTime.Select(g => g.CsvRow(Bucket))
            .Concat(ByType.Select(g => g.CsvRow("type")))
            .Concat(ByBorough.Select(g => g.CsvRow("borough")))
            .Concat(TopCameras.Select(g => g.CsvRow("camera")));
}
