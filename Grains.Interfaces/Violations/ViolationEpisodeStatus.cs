using System.Text.Json.Serialization;

namespace VibeCheck.Grains.Interfaces.Violations;

/// <summary>Where an episode stands; written as <c>open</c> or <c>resolved</c> in JSON (the public read model, the API).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ViolationEpisodeStatus>))]
public enum ViolationEpisodeStatus
{
    /// <summary>The violation goes on.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>The violation ended.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved,
}
