using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Schema;

/// <summary>A warehouse table: its name, key column (the first column), columns and how a row maps to values.</summary>
public sealed class TableDefinition
{
    private readonly Func<IWarehouseRow, object?[]> _values;

    internal TableDefinition(WarehouseTable table, string name, IReadOnlyList<ColumnDefinition> columns, Func<IWarehouseRow, object?[]> values)
    {
        Table = table;
        Name = name;
        Columns = columns;
        _values = values;
    }

    /// <summary>The table.</summary>
    public WarehouseTable Table { get; }

    /// <summary>Table name, e.g. <c>realtime_violations</c>.</summary>
    public string Name { get; }

    /// <summary>Columns in storage order; the first is the stable row id (primary key).</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; }

    /// <summary>The key column.</summary>
    public ColumnDefinition Key => Columns[0];

    /// <summary>
    /// The values of <paramref name="row"/> in column order: strings, <see cref="long"/>, <see cref="double"/>,
    /// UTC <see cref="DateTime"/>, <see cref="IReadOnlyList{T}"/> of strings, or
    /// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of name to count.
    /// </summary>
    public object?[] ValuesOf(IWarehouseRow row)
    {
        if (row.Table != Table)
        {
            throw new ArgumentException($"Row of table {row.Table} given to table {Table}.", nameof(row));
        }

        return _values(row);
    }
}
