using System.Globalization;
using System.Text.Json.Serialization;

namespace VibeCheck.Warehouse.Rows;

/// <summary>A change of a camera's health, stored in <c>camera_health</c>.</summary>
/// <param name="CameraId">Camera id.</param>
/// <param name="FromStatus">Status before the change.</param>
/// <param name="ToStatus">Status after the change.</param>
/// <param name="ChangedAt">When the change was observed.</param>
/// <param name="Reason">Why, if known (e.g. <c>3 consecutive fetch failures</c>).</param>
public sealed record CameraHealthTransitionRecord(
    string CameraId,
    string FromStatus,
    string ToStatus,
    DateTimeOffset ChangedAt,
    string? Reason) : IWarehouseRow
{
    /// <inheritdoc />
    [JsonIgnore]
    public string RowId => $"{CameraId}|{ChangedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}|{ToStatus}";

    /// <inheritdoc />
    [JsonIgnore]
    public WarehouseTable Table => WarehouseTable.CameraHealth;
}
