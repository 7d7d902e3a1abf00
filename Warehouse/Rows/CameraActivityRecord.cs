using System.Globalization;
using System.Text.Json.Serialization;

namespace VibeCheck.Warehouse.Rows;

/// <summary>Detections and violations of one camera in one time bucket, stored in <c>camera_activity</c>.</summary>
/// <param name="CameraId">Camera id.</param>
/// <param name="BucketStart">Start of the bucket (UTC).</param>
/// <param name="BucketLength">Length of the bucket.</param>
/// <param name="CountsByClass">Detections per object class, e.g. <c>car</c> → 12.</param>
/// <param name="ViolationsByType">Violations per violation type.</param>
public sealed record CameraActivityRecord(
    string CameraId,
    DateTimeOffset BucketStart,
    TimeSpan BucketLength,
    IReadOnlyDictionary<string, int> CountsByClass,
    IReadOnlyDictionary<string, int> ViolationsByType) : IWarehouseRow
{
    /// <inheritdoc />
    [JsonIgnore]
    public string RowId => $"{CameraId}|{BucketStart.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    [JsonIgnore]
    public WarehouseTable Table => WarehouseTable.CameraActivity;
}
