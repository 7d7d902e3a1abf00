using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Schema;

/// <summary>The one definition of the warehouse tables, from which the DuckDB and BigQuery schemas are derived.</summary>
public static class WarehouseSchema
{
    /// <summary>Schema (DuckDB) and default dataset (BigQuery) name.</summary>
    public const string SchemaName = "vibecheck_analytics";

    /// <summary>Schema version the current code writes; DuckDB migrations bring older files up to it.</summary>
    public const int CurrentVersion = 2;

    /// <summary><c>realtime_violations</c>.</summary>
    public static TableDefinition RealtimeViolations { get; } = new(
        WarehouseTable.RealtimeViolations,
        "realtime_violations",
        [
            new("episode_id", ColumnKind.String, true),
            new("camera_id", ColumnKind.String, true),
            new("violation_type", ColumnKind.String, true),
            new("zone", ColumnKind.String, false),
            new("tier", ColumnKind.String, true),
            new("confidence", ColumnKind.Float64, true),
            new("started_at", ColumnKind.Timestamp, true),
            new("ended_at", ColumnKind.Timestamp, false),
            new("frame_hashes", ColumnKind.StringList, true),
            new("model_version", ColumnKind.String, true),
            new("borough", ColumnKind.String, false),
        ],
        row =>
        {
            var v = (ViolationRecord)row;
            return [v.EpisodeId, v.CameraId, v.ViolationType, v.Zone, v.Tier, v.Confidence, v.StartedAt.UtcDateTime,
                v.EndedAt?.UtcDateTime, v.FrameHashes, v.ModelVersion, v.Borough];
        });

    /// <summary><c>alert_events</c>.</summary>
    public static TableDefinition AlertEvents { get; } = new(
        WarehouseTable.AlertEvents,
        "alert_events",
        [
            new("event_id", ColumnKind.String, true),
            new("alert_id", ColumnKind.String, true),
            new("episode_id", ColumnKind.String, true),
            new("channel", ColumnKind.String, true),
            new("status", ColumnKind.String, true),
            new("attempts", ColumnKind.Int64, true),
            new("sent_at", ColumnKind.Timestamp, false),
        ],
        row =>
        {
            var a = (AlertEventRecord)row;
            return [a.RowId, a.AlertId, a.EpisodeId, a.Channel, a.Status, (long)a.Attempts, a.SentAt?.UtcDateTime];
        });

    /// <summary><c>camera_activity</c>.</summary>
    public static TableDefinition CameraActivity { get; } = new(
        WarehouseTable.CameraActivity,
        "camera_activity",
        [
            new("activity_id", ColumnKind.String, true),
            new("camera_id", ColumnKind.String, true),
            new("bucket_start", ColumnKind.Timestamp, true),
            new("bucket_seconds", ColumnKind.Int64, true),
            new("counts_by_class", ColumnKind.NameCountList, true),
            new("violations_by_type", ColumnKind.NameCountList, true),
        ],
        row =>
        {
            var c = (CameraActivityRecord)row;
            return [c.RowId, c.CameraId, c.BucketStart.UtcDateTime, (long)c.BucketLength.TotalSeconds, c.CountsByClass, c.ViolationsByType];
        });

    /// <summary><c>camera_health</c>.</summary>
    public static TableDefinition CameraHealth { get; } = new(
        WarehouseTable.CameraHealth,
        "camera_health",
        [
            new("transition_id", ColumnKind.String, true),
            new("camera_id", ColumnKind.String, true),
            new("from_status", ColumnKind.String, true),
            new("to_status", ColumnKind.String, true),
            new("changed_at", ColumnKind.Timestamp, true),
            new("reason", ColumnKind.String, false),
        ],
        row =>
        {
            var h = (CameraHealthTransitionRecord)row;
            return [h.RowId, h.CameraId, h.FromStatus, h.ToStatus, h.ChangedAt.UtcDateTime, h.Reason];
        });

    /// <summary>All tables.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [RealtimeViolations, AlertEvents, CameraActivity, CameraHealth];

    /// <summary>The definition of <paramref name="table"/>.</summary>
    public static TableDefinition For(WarehouseTable table) => table switch
    {
        WarehouseTable.RealtimeViolations => RealtimeViolations,
        WarehouseTable.AlertEvents => AlertEvents,
        WarehouseTable.CameraActivity => CameraActivity,
        WarehouseTable.CameraHealth => CameraHealth,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}
