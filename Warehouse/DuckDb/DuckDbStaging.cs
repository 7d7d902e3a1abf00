using DuckDB.NET.Data;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>
/// Idempotent bulk write of one table: rows go through the appender into a flat temporary staging table (the appender
/// cannot write structs), then one <c>INSERT OR REPLACE</c> moves them into the real table, keyed by the row id.
/// </summary>
internal sealed class DuckDbStaging(TableDefinition table)
{
    private readonly string _stagingName = "staging_" + table.Name;

    public void Create(DuckDBConnection connection)
    {
        var columns = table.Columns.SelectMany(c => c.Kind == ColumnKind.NameCountList
            ? new[] { $"{c.Name}_names VARCHAR[]", $"{c.Name}_counts BIGINT[]" }
            : [$"{c.Name} {DuckDbTypes.Of(c.Kind)}"]);
        Execute(connection, null, $"CREATE OR REPLACE TEMP TABLE {_stagingName} ({string.Join(", ", columns)})");
    }

    /// <summary>Writes <paramref name="rows"/> (unique ids) inside <paramref name="transaction"/>.</summary>
    public void Write(DuckDBConnection connection, DuckDBTransaction transaction, IReadOnlyCollection<IWarehouseRow> rows)
    {
        Execute(connection, transaction, $"DELETE FROM {_stagingName}");
        using (var appender = connection.CreateAppender(_stagingName))
        {
            foreach (var row in rows)
            {
                var values = table.ValuesOf(row);
                var appenderRow = appender.CreateRow();
                for (var i = 0; i < values.Length; i++)
                {
                    Append(appenderRow, table.Columns[i].Kind, values[i]);
                }

                appenderRow.EndRow();
            }
        }

        var select = table.Columns.Select(c => c.Kind == ColumnKind.NameCountList
            ? $"list_transform(list_zip({c.Name}_names, {c.Name}_counts), lambda p: {{'name': p[1], 'count': p[2]}})::{DuckDbTypes.Of(c.Kind)}"
            : c.Name);
        Execute(connection, transaction,
            $"INSERT OR REPLACE INTO {DuckDbTypes.Qualified(table)} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
            $"SELECT {string.Join(", ", select)} FROM {_stagingName}");
    }

    private static void Append(IDuckDBAppenderRow row, ColumnKind kind, object? value)
    {
        if (value is null)
        {
            if (kind == ColumnKind.NameCountList)
            {
                row.AppendNullValue();
            }

            row.AppendNullValue();
            return;
        }

        switch (kind)
        {
            case ColumnKind.String:
                row.AppendValue((string)value);
                break;
            case ColumnKind.Int64:
                row.AppendValue((long)value);
                break;
            case ColumnKind.Float64:
                row.AppendValue((double)value);
                break;
            case ColumnKind.Timestamp:
                row.AppendValue((DateTime)value);
                break;
            case ColumnKind.StringList:
                row.AppendValue((IEnumerable<string>)value);
                break;
            case ColumnKind.NameCountList:
                var counts = (IReadOnlyDictionary<string, int>)value;
                var ordered = counts.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
                row.AppendValue(ordered.Select(p => p.Key).ToList());
                row.AppendValue(ordered.Select(p => (long)p.Value).ToList());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static void Execute(DuckDBConnection connection, DuckDBTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
