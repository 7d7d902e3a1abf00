using DuckDB.NET.Data;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.Tests;

public sealed class DuckDbSchemaTests
{
    [Fact]
    public async Task New_file_is_created_at_the_current_schema_version_with_every_table()
    {
        using var db = new DuckDbFixture();

        var health = await db.Sink.CheckHealthAsync(CancellationToken.None);
        var versions = await db.Sink.QueryAsync("SELECT version FROM vibecheck_analytics.schema_version ORDER BY version", CancellationToken.None);

        Assert.True(health.Healthy, health.Detail);
        Assert.True(File.Exists(Path.Combine(db.DataDirectory, "vibecheck.duckdb")));
        Assert.Equal([1, 2], versions.Rows.Select(r => Convert.ToInt32(r[0])));
        foreach (var table in WarehouseSchema.Tables)
        {
            Assert.Equal(0, await db.CountAsync(table.Name));
        }
    }

    [Fact]
    public async Task Migrated_columns_match_the_schema_definition()
    {
        using var db = new DuckDbFixture();
        foreach (var table in WarehouseSchema.Tables)
        {
            var columns = await db.Sink.QueryAsync(
                $"SELECT column_name, data_type, is_nullable FROM information_schema.columns " +
                $"WHERE table_schema = 'vibecheck_analytics' AND table_name = '{table.Name}' ORDER BY ordinal_position",
                CancellationToken.None);

            Assert.Equal(table.Columns.Select(c => c.Name), columns.Rows.Select(r => (string)r[0]!));
            Assert.Equal(table.Columns.Select(c => Normalize(DuckDbTypes.Of(c.Kind))), columns.Rows.Select(r => Normalize((string)r[1]!)));
            Assert.Equal(table.Columns.Select(c => c.Required ? "NO" : "YES"), columns.Rows.Select(r => (string)r[2]!));
        }
    }

    [Fact]
    public async Task Version_1_file_is_migrated_and_keeps_its_rows()
    {
        using var db = new DuckDbFixture();
        var path = Path.Combine(db.DataDirectory, "vibecheck.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            Assert.Equal(1, DuckDbMigrations.Migrate(connection, targetVersion: 1));
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO vibecheck_analytics.realtime_violations
                VALUES ('old-1', 'cam-9', 'double_parking', NULL, 'low', 0.5, TIMESTAMP '2024-01-01 00:00:00', NULL, ['h'], 'm0')
                """;
            command.ExecuteNonQuery();
        }

        await db.Sink.WriteAsync([Samples.Violation("new-1")], CancellationToken.None);
        var rows = await db.Sink.QueryAsync(
            "SELECT episode_id, borough FROM vibecheck_analytics.realtime_violations ORDER BY episode_id", CancellationToken.None);
        var version = await db.Sink.QueryAsync("SELECT max(version) FROM vibecheck_analytics.schema_version", CancellationToken.None);

        Assert.Equal(WarehouseSchema.CurrentVersion, Convert.ToInt32(version.Rows[0][0]));
        Assert.Equal(["new-1", "old-1"], rows.Rows.Select(r => (string)r[0]!));
        Assert.Equal(["Manhattan", null], rows.Rows.Select(r => (string?)r[1]));
    }

    [Fact]
    public async Task Reopening_a_file_does_not_reapply_migrations_and_keeps_data()
    {
        using var directory = new TempDirectory();
        var options = Microsoft.Extensions.Options.Options.Create(new Configuration.WarehouseOptions { DataDirectory = directory.Path });
        using (var first = new DuckDbWarehouseSink(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<DuckDbWarehouseSink>.Instance))
        {
            await first.WriteAsync(Samples.Violations(3), CancellationToken.None);
        }

        using var second = new DuckDbWarehouseSink(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<DuckDbWarehouseSink>.Instance);
        var count = await second.QueryAsync("SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations", CancellationToken.None);
        var versions = await second.QueryAsync("SELECT count(*) FROM vibecheck_analytics.schema_version", CancellationToken.None);

        Assert.Equal(3L, Convert.ToInt64(count.Rows[0][0]));
        Assert.Equal(2L, Convert.ToInt64(versions.Rows[0][0]));
    }

    private static string Normalize(string type) => type.Replace("\"", string.Empty).Replace(" ", string.Empty).ToUpperInvariant();
}
