using System.Text.Json;
using VibeCheck.Grains.Interfaces.Analytics;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// Carries warehouse rows (plain records of the Orleans-free warehouse library) across grain calls as JSON, so
/// <c>Grains.Interfaces</c> and the gateway need not reference the warehouse or its DuckDB native library.
/// </summary>
public static class WarehouseRowCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>The row as its table and JSON.</summary>
    public static AnalyticsRowEnvelope ToEnvelope(IWarehouseRow row) =>
        new(row.Table.ToString(), JsonSerializer.Serialize(row, row.GetType(), Json));

    /// <summary>The row back; throws <see cref="JsonException"/> or <see cref="ArgumentException"/> for a bad envelope.</summary>
    public static IWarehouseRow FromEnvelope(AnalyticsRowEnvelope envelope)
    {
        var table = Enum.Parse<WarehouseTable>(envelope.Table);
        IWarehouseRow? row = table switch
        {
            WarehouseTable.RealtimeViolations => JsonSerializer.Deserialize<ViolationRecord>(envelope.Json, Json),
            WarehouseTable.AlertEvents => JsonSerializer.Deserialize<AlertEventRecord>(envelope.Json, Json),
            WarehouseTable.CameraActivity => JsonSerializer.Deserialize<CameraActivityRecord>(envelope.Json, Json),
            WarehouseTable.CameraHealth => JsonSerializer.Deserialize<CameraHealthTransitionRecord>(envelope.Json, Json),
            _ => throw new ArgumentException($"Unknown warehouse table {envelope.Table}.", nameof(envelope)),
        };
        return row ?? throw new JsonException($"Empty {envelope.Table} row.");
    }
}
