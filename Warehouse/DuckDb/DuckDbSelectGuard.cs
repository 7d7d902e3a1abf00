using System.Text.Json;
using DuckDB.NET.Data;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>
/// Admits exactly one SELECT, using DuckDB's own parser: <c>json_serialize_sql</c> serialises SELECT statements only
/// and lists every statement it parsed, so anything else (INSERT, COPY, ATTACH, SET, PRAGMA, several statements)
/// is refused with the parser's reason. File and network access are stopped separately by the database settings.
/// </summary>
internal static class DuckDbSelectGuard
{
    public const int MaxSqlLength = 20_000;

    /// <summary>Throws <see cref="WarehouseQueryRejectedException"/> unless <paramref name="sql"/> is one SELECT.</summary>
    public static void EnsureSingleSelect(DuckDBConnection connection, string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new WarehouseQueryRejectedException("The query is empty.");
        }

        if (sql.Length > MaxSqlLength)
        {
            throw new WarehouseQueryRejectedException($"The query is longer than {MaxSqlLength} characters.");
        }

        if (sql.Contains('\0', StringComparison.Ordinal))
        {
            throw new WarehouseQueryRejectedException("The query contains a NUL character.");
        }

        string json;
        using (var command = connection.CreateCommand())
        {
            // json_serialize_sql takes a constant only: pass the text as a standard SQL string literal.
            command.CommandText = $"SELECT json_serialize_sql('{sql.Replace("'", "''", StringComparison.Ordinal)}')";
            json = (string)command.ExecuteScalar()!;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var type = root.TryGetProperty("error_type", out var t) ? t.GetString() : null;
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "unknown error";
            throw new WarehouseQueryRejectedException(type == "not implemented"
                ? "Only a single SELECT statement is allowed."
                : $"The query does not parse: {message}");
        }

        var statements = root.GetProperty("statements").GetArrayLength();
        if (statements != 1)
        {
            throw new WarehouseQueryRejectedException($"Exactly one SELECT statement is allowed; found {statements}.");
        }
    }
}
