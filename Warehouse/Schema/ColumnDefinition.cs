namespace VibeCheck.Warehouse.Schema;

/// <summary>One column of a warehouse table.</summary>
/// <param name="Name">Column name, identical in DuckDB and BigQuery.</param>
/// <param name="Kind">Logical type.</param>
/// <param name="Required">Whether the column is NOT NULL (REQUIRED in BigQuery); lists are never null.</param>
public sealed record ColumnDefinition(string Name, ColumnKind Kind, bool Required);
