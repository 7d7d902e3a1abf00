namespace VibeCheck.Warehouse.Configuration;

/// <summary>Which backend stores the warehouse.</summary>
public enum WarehouseProvider
{
    /// <summary>Embedded DuckDB file under <see cref="WarehouseOptions.DataDirectory"/> (default).</summary>
    DuckDb,

    /// <summary>Google BigQuery through its REST API v2.</summary>
    BigQuery,
}
