namespace VibeCheck.Warehouse.Rows;

/// <summary>The warehouse tables, all in the <c>vibecheck_analytics</c> schema (DuckDB) or dataset (BigQuery).</summary>
public enum WarehouseTable
{
    /// <summary><c>realtime_violations</c>: one row per violation episode.</summary>
    RealtimeViolations,

    /// <summary><c>alert_events</c>: one row per alert delivery (alert id and channel).</summary>
    AlertEvents,

    /// <summary><c>camera_activity</c>: one row per camera and time bucket.</summary>
    CameraActivity,

    /// <summary><c>camera_health</c>: one row per health transition of a camera.</summary>
    CameraHealth,
}
