namespace VibeCheck.Warehouse.Rows;

/// <summary>A row bound for one warehouse table, carrying a stable id so a retried write never counts twice.</summary>
public interface IWarehouseRow
{
    /// <summary>Stable primary key: writing the same id again replaces the row instead of adding one.</summary>
    string RowId { get; }

    /// <summary>The table this row belongs to.</summary>
    WarehouseTable Table { get; }
}
