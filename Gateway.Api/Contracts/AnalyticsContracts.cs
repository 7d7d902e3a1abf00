using System.Text.Json;

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
    bool Truncated);

/// <summary><c>GET /analytics/violations</c> answer: episodes started in [from, to) grouped by <c>groupBy</c>.</summary>
public sealed record ViolationSummaryResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string GroupBy,
    long Total,
    IReadOnlyList<ViolationSummaryItem> Groups);

/// <summary>One group of a violation summary.</summary>
public sealed record ViolationSummaryItem(string Key, long Violations, double AverageConfidence);
