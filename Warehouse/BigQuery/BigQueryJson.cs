using System.Globalization;
using System.Text.Json.Nodes;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>The warehouse schema and rows in BigQuery's JSON shapes (TableSchema, insertAll row).</summary>
public static class BigQueryJson
{
    /// <summary>The <c>schema</c> object of a <c>tables.insert</c> body.</summary>
    public static JsonObject SchemaOf(TableDefinition table) =>
        new() { ["fields"] = new JsonArray([.. table.Columns.Select(FieldOf)]) };

    /// <summary>The <c>json</c> object of an insertAll row; null values are left out.</summary>
    public static JsonObject RowOf(TableDefinition table, IWarehouseRow row)
    {
        var values = table.ValuesOf(row);
        var json = new JsonObject();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                json[table.Columns[i].Name] = ValueOf(table.Columns[i].Kind, value);
            }
        }

        return json;
    }

    /// <summary>BigQuery's textual form of a UTC timestamp.</summary>
    public static string Timestamp(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject FieldOf(ColumnDefinition column)
    {
        var field = new JsonObject { ["name"] = column.Name };
        switch (column.Kind)
        {
            case ColumnKind.StringList:
                field["type"] = "STRING";
                field["mode"] = "REPEATED";
                break;
            case ColumnKind.NameCountList:
                field["type"] = "RECORD";
                field["mode"] = "REPEATED";
                field["fields"] = new JsonArray(
                    new JsonObject { ["name"] = "name", ["type"] = "STRING", ["mode"] = "REQUIRED" },
                    new JsonObject { ["name"] = "count", ["type"] = "INTEGER", ["mode"] = "REQUIRED" });
                break;
            default:
                field["type"] = column.Kind switch
                {
                    ColumnKind.String => "STRING",
                    ColumnKind.Int64 => "INTEGER",
                    ColumnKind.Float64 => "FLOAT",
                    ColumnKind.Timestamp => "TIMESTAMP",
                    _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, null),
                };
                field["mode"] = column.Required ? "REQUIRED" : "NULLABLE";
                break;
        }

        return field;
    }

    private static JsonNode ValueOf(ColumnKind kind, object value) => kind switch
    {
        ColumnKind.String => JsonValue.Create((string)value),
        ColumnKind.Int64 => JsonValue.Create((long)value),
        ColumnKind.Float64 => JsonValue.Create((double)value),
        ColumnKind.Timestamp => JsonValue.Create(Timestamp((DateTime)value)),
        ColumnKind.StringList => new JsonArray([.. ((IEnumerable<string>)value).Select(s => (JsonNode)JsonValue.Create(s))]),
        ColumnKind.NameCountList => new JsonArray([.. ((IReadOnlyDictionary<string, int>)value)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (JsonNode)new JsonObject { ["name"] = p.Key, ["count"] = p.Value })]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
