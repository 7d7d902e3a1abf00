using System.Text.Json.Serialization;

namespace VibeCheck.Grains.Interfaces.Alerts;

/// <summary>
/// An episode's escalation tier, as the violation grain decides it: above 0.8 HIGH (webhook and e-mail), 0.6-0.8
/// MEDIUM (webhook), below LOW (recorded, never sent).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ViolationTier>))]
public enum ViolationTier
{
    /// <summary>Recorded, never sent.</summary>
    [JsonStringEnumMemberName("low")]
    Low,

    /// <summary>Webhook.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Webhook and e-mail.</summary>
    [JsonStringEnumMemberName("high")]
    High,
}
