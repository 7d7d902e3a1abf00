using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>DuckDB type names of the logical column kinds.</summary>
internal static class DuckDbTypes
{
    public const string NameCountStruct = "STRUCT(\"name\" VARCHAR, \"count\" BIGINT)";

    public static string Of(ColumnKind kind) => kind switch
    {
        ColumnKind.String => "VARCHAR",
        ColumnKind.Int64 => "BIGINT",
        ColumnKind.Float64 => "DOUBLE",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.StringList => "VARCHAR[]",
        ColumnKind.NameCountList => NameCountStruct + "[]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Qualified(TableDefinition table) => $"{WarehouseSchema.SchemaName}.{table.Name}";
}
