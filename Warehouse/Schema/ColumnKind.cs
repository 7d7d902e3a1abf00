namespace VibeCheck.Warehouse.Schema;

/// <summary>Logical column types, mapped to DuckDB and BigQuery types by each sink.</summary>
public enum ColumnKind
{
    /// <summary>Text: DuckDB VARCHAR, BigQuery STRING.</summary>
    String,

    /// <summary>DuckDB BIGINT, BigQuery INT64.</summary>
    Int64,

    /// <summary>DuckDB DOUBLE, BigQuery FLOAT64.</summary>
    Float64,

    /// <summary>A UTC instant: DuckDB TIMESTAMP (UTC by convention), BigQuery TIMESTAMP.</summary>
    Timestamp,

    /// <summary>A list of text: DuckDB VARCHAR[], BigQuery REPEATED STRING.</summary>
    StringList,

    /// <summary>Named counts: DuckDB STRUCT(name VARCHAR, count BIGINT)[], BigQuery REPEATED RECORD(name, count).</summary>
    NameCountList,
}
