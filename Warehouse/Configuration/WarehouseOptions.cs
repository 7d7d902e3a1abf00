using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Warehouse.Configuration;

/// <summary>Options of the warehouse, bound from the <c>Warehouse</c> configuration section.</summary>
public sealed class WarehouseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Warehouse";

    /// <summary>Default <see cref="DataDirectory"/>.</summary>
    public const string DefaultDataDirectory = "data";

    /// <summary>Default <see cref="DuckDbFileName"/>.</summary>
    public const string DefaultDuckDbFileName = "vibecheck.duckdb";

    /// <summary>Backend: <c>DuckDb</c> (default) or <c>BigQuery</c>.</summary>
    public WarehouseProvider Provider { get; set; } = WarehouseProvider.DuckDb;

    /// <summary>Directory of the DuckDB file and of dead-lettered rows (<c>Warehouse:DataDirectory</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>File name of the DuckDB database inside <see cref="DataDirectory"/>.</summary>
    [Required]
    public string DuckDbFileName { get; set; } = DefaultDuckDbFileName;

    /// <summary>Rows per flush; a full batch is flushed at once.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>A partial batch is flushed this long after its first row arrived.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows the writer holds in memory; beyond it <c>TryEnqueue</c> refuses and <c>EnqueueAsync</c> waits.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Attempts per batch before its rows are dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxFlushAttempts { get; set; } = 5;

    /// <summary>Delay before the second flush attempt; doubled for each further attempt.</summary>
    public TimeSpan FlushRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most rows an analytics query returns; the result says when it was truncated.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueryRows { get; set; } = 10_000;

    /// <summary>Longest an analytics query may run.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>BigQuery settings, used when <see cref="Provider"/> is <c>BigQuery</c>.</summary>
    public BigQueryOptions BigQuery { get; set; } = new();

    // Methods, not properties: options validation reads every property, and a path with a NUL would throw there
    // instead of being reported by the validator.

    /// <summary>Full path of the DuckDB file.</summary>
    public string DuckDbPath() => Path.GetFullPath(Path.Combine(DataDirectory, DuckDbFileName));

    /// <summary>Directory where batches that could not be written are kept.</summary>
    public string DeadLetterDirectory() => Path.GetFullPath(Path.Combine(DataDirectory, "warehouse-deadletter"));
}
