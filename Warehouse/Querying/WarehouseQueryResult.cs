namespace VibeCheck.Warehouse.Querying;

/// <summary>Result of an analytics query, serialised by the gateway as <c>{columns, rows}</c>.</summary>
/// <param name="Columns">Column names in order.</param>
/// <param name="ColumnTypes">Backend type name of each column.</param>
/// <param name="Rows">Rows; each value is null, a string, number, bool, UTC DateTime, list or name→value map.</param>
/// <param name="Truncated">True when the row limit cut the result short.</param>
public sealed record WarehouseQueryResult(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTypes,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    bool Truncated);
