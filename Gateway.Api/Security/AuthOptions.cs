namespace VibeCheck.Gateway.Security;

/// <summary>API keys, from configuration or a Kubernetes Secret. Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Keys allowed to change state or cost money (process, alerts, silences, zones, bulk predictions).</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Keys allowed admin calls (analytics SQL, registry sync) as well as everything <see cref="ApiKeys"/> may do.</summary>
    public List<string> AdminKeys { get; set; } = [];

    /// <summary>When true, reads need a key too.</summary>
    public bool RequireKeyForReads { get; set; }

    public override string ToString() => $"AuthOptions {{ ApiKeys = {ApiKeys.Count} keys, AdminKeys = {AdminKeys.Count} keys, RequireKeyForReads = {RequireKeyForReads} }}";
}
