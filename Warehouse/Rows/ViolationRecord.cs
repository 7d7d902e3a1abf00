using System.Text.Json.Serialization;

namespace VibeCheck.Warehouse.Rows;

/// <summary>A violation episode as stored in <c>realtime_violations</c>; re-writing the same episode replaces it.</summary>
/// <param name="EpisodeId">Stable id of the episode (the row key).</param>
/// <param name="CameraId">Camera that observed the episode.</param>
/// <param name="ViolationType">Kind of violation, e.g. <c>bike_lane_blocked</c>.</param>
/// <param name="Zone">Zone of the camera view the violation happened in, if any.</param>
/// <param name="Tier">Severity tier.</param>
/// <param name="Confidence">Detector confidence in [0, 1].</param>
/// <param name="StartedAt">First frame of the episode.</param>
/// <param name="EndedAt">Last frame of the episode; null while it is still open.</param>
/// <param name="FrameHashes">Hashes of the evidence frames.</param>
/// <param name="ModelVersion">Version of the model that classified the episode.</param>
/// <param name="Borough">NYC borough of the camera, if known.</param>
public sealed record ViolationRecord(
    string EpisodeId,
    string CameraId,
    string ViolationType,
    string? Zone,
    string Tier,
    double Confidence,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> FrameHashes,
    string ModelVersion,
    string? Borough = null) : IWarehouseRow
{
    /// <inheritdoc />
    [JsonIgnore]
    public string RowId => EpisodeId;

    /// <inheritdoc />
    [JsonIgnore]
    public WarehouseTable Table => WarehouseTable.RealtimeViolations;
}
