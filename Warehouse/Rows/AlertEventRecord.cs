using System.Text.Json.Serialization;

namespace VibeCheck.Warehouse.Rows;

/// <summary>The state of one alert delivery in <c>alert_events</c>; the latest write for an alert and channel wins.</summary>
/// <param name="AlertId">Id of the alert.</param>
/// <param name="EpisodeId">Violation episode the alert is about.</param>
/// <param name="Channel">Delivery channel, e.g. <c>email</c> or <c>webhook</c>.</param>
/// <param name="Status">Delivery status, e.g. <c>pending</c>, <c>sent</c>, <c>failed</c>.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="SentAt">When the alert was delivered; null until then.</param>
public sealed record AlertEventRecord(
    string AlertId,
    string EpisodeId,
    string Channel,
    string Status,
    int Attempts,
    DateTimeOffset? SentAt) : IWarehouseRow
{
    /// <inheritdoc />
    [JsonIgnore]
    public string RowId => $"{AlertId}|{Channel}";

    /// <inheritdoc />
    [JsonIgnore]
    public WarehouseTable Table => WarehouseTable.AlertEvents;
}
