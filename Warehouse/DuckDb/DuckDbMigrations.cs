using DuckDB.NET.Data;

namespace VibeCheck.Warehouse.DuckDb;

/// <summary>
/// Versioned schema of the DuckDB file. Each migration runs once, in its own transaction, and is recorded in
/// <c>vibecheck_analytics.schema_version</c>. Migrations are frozen once shipped: change the schema by adding one.
/// </summary>
internal static class DuckDbMigrations
{
    public sealed record Migration(int Version, string Description, string Sql);

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial tables", """
            CREATE SCHEMA IF NOT EXISTS vibecheck_analytics;
            CREATE TABLE vibecheck_analytics.realtime_violations (
                episode_id VARCHAR PRIMARY KEY,
                camera_id VARCHAR NOT NULL,
                violation_type VARCHAR NOT NULL,
                zone VARCHAR,
                tier VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                started_at TIMESTAMP NOT NULL,
                ended_at TIMESTAMP,
                frame_hashes VARCHAR[] NOT NULL,
                model_version VARCHAR NOT NULL);
            CREATE TABLE vibecheck_analytics.alert_events (
                event_id VARCHAR PRIMARY KEY,
                alert_id VARCHAR NOT NULL,
                episode_id VARCHAR NOT NULL,
                channel VARCHAR NOT NULL,
                status VARCHAR NOT NULL,
                attempts BIGINT NOT NULL,
                sent_at TIMESTAMP);
            CREATE TABLE vibecheck_analytics.camera_activity (
                activity_id VARCHAR PRIMARY KEY,
                camera_id VARCHAR NOT NULL,
                bucket_start TIMESTAMP NOT NULL,
                bucket_seconds BIGINT NOT NULL,
                counts_by_class STRUCT("name" VARCHAR, "count" BIGINT)[] NOT NULL,
                violations_by_type STRUCT("name" VARCHAR, "count" BIGINT)[] NOT NULL);
            CREATE TABLE vibecheck_analytics.camera_health (
                transition_id VARCHAR PRIMARY KEY,
                camera_id VARCHAR NOT NULL,
                from_status VARCHAR NOT NULL,
                to_status VARCHAR NOT NULL,
                changed_at TIMESTAMP NOT NULL,
                reason VARCHAR);
            """),
        new(2, "borough on violations", """
            ALTER TABLE vibecheck_analytics.realtime_violations ADD COLUMN borough VARCHAR;
            """),
    ];

    /// <summary>The version recorded in the file; 0 for a new file.</summary>
    public static int CurrentVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*) FROM information_schema.tables
            WHERE table_schema = 'vibecheck_analytics' AND table_name = 'schema_version'
            """;
        if (Convert.ToInt64(command.ExecuteScalar()) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM vibecheck_analytics.schema_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    /// <summary>Applies the migrations above the file's version up to <paramref name="targetVersion"/>; returns the new version.</summary>
    public static int Migrate(DuckDBConnection connection, int targetVersion)
    {
        var current = CurrentVersion(connection);
        if (current > All[^1].Version)
        {
            throw new InvalidOperationException(
                $"The warehouse file has schema version {current}, newer than this build knows ({All[^1].Version}).");
        }

        foreach (var migration in All.Where(m => m.Version > current && m.Version <= targetVersion))
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                CREATE SCHEMA IF NOT EXISTS vibecheck_analytics;
                CREATE TABLE IF NOT EXISTS vibecheck_analytics.schema_version (
                    version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
                """ + migration.Sql;
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO vibecheck_analytics.schema_version VALUES ($version, $description, now()::TIMESTAMP)";
            command.Parameters.Add(new DuckDBParameter("version", migration.Version));
            command.Parameters.Add(new DuckDBParameter("description", migration.Description));
            command.ExecuteNonQuery();
            transaction.Commit();
            current = migration.Version;
        }

        return current;
    }
}
