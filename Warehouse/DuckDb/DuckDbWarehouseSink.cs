using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>
/// The embedded warehouse: one DuckDB file under <see cref="WarehouseOptions.DataDirectory"/>, schema
/// <c>vibecheck_analytics</c>, migrated to <see cref="WarehouseSchema.CurrentVersion"/> on first use. Once open, the
/// database has external access disabled and its configuration locked, so no query can touch files or the network.
/// </summary>
public sealed partial class DuckDbWarehouseSink(IOptions<WarehouseOptions> options, ILogger<DuckDbWarehouseSink> logger)
    : IWarehouseSink, IDisposable
{
    private readonly WarehouseOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<WarehouseTable, DuckDbStaging> _staging =
        WarehouseSchema.Tables.ToDictionary(t => t.Table, t => new DuckDbStaging(t));
    private DuckDBConnection? _connection;
    private bool _disposed;

    /// <inheritdoc />
    public string Provider => nameof(WarehouseProvider.DuckDb);

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => _options.DuckDbPath();

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<IWarehouseRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var connection = OpenLocked();
            using var transaction = connection.BeginTransaction();
            foreach (var group in rows.GroupBy(r => r.Table))
            {
                // One row per id (the last one wins), as INSERT OR REPLACE refuses a key twice in one statement.
                var unique = new Dictionary<string, IWarehouseRow>(StringComparer.Ordinal);
                foreach (var row in group)
                {
                    unique[row.RowId] = row;
                }

                _staging[group.Key].Write(connection, transaction, unique.Values);
            }

            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<WarehouseHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenReadConnectionAsync(cancellationToken);
            var version = DuckDbMigrations.CurrentVersion(connection);
            return new WarehouseHealth(version == WarehouseSchema.CurrentVersion, Provider, $"schema version {version}, {DatabasePath}");
        }
        catch (Exception ex) when (ex is DuckDBException or IOException or InvalidOperationException)
        {
            return new WarehouseHealth(false, Provider, ex.Message);
        }
    }

    /// <summary>Opens (once) the write connection: creates the file, migrates it and locks the database down.</summary>
    private DuckDBConnection OpenLocked()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is not null)
        {
            return _connection;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new DuckDBConnection($"Data Source={DatabasePath}");
        try
        {
            connection.Open();
            var version = DuckDbMigrations.Migrate(connection, WarehouseSchema.CurrentVersion);
            LockDown(connection);
            foreach (var staging in _staging.Values)
            {
                staging.Create(connection);
            }

            logger.LogInformation("Warehouse: DuckDB {Path} open at schema version {Version}", DatabasePath, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    /// <summary>A fresh connection to the same database for reading (the write connection opens it first).</summary>
    private async Task<DuckDBConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // DuckDB.NET shares one database instance between connections to the same file in a process.
            var connection = new DuckDBConnection(OpenLocked().ConnectionString);
            connection.Open();
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void LockDown(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('lock_configuration')";
        if (command.ExecuteScalar() is true)
        {
            // Already locked by an earlier open of the same database in this process; make sure it is the safe state.
            command.CommandText = "SELECT current_setting('enable_external_access')";
            if (command.ExecuteScalar() is not false)
            {
                throw new InvalidOperationException("DuckDB configuration is locked with external access enabled.");
            }

            return;
        }

        // Parse once so the (built-in) json extension is loaded before extension loading is switched off.
        command.CommandText = """
            SELECT json_serialize_sql('SELECT 1');
            SET autoinstall_known_extensions = false;
            SET autoload_known_extensions = false;
            SET enable_external_access = false;
            SET lock_configuration = true;
            """;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection?.Dispose();
        _gate.Dispose();
    }
}
