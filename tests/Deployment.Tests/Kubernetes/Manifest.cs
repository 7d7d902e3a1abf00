namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>One Kubernetes object from a YAML document, with the file it came from.</summary>
internal sealed record Manifest(string Source, YamlMap Body)
{
    public string Kind => Body.Str("kind") ?? "";

    public string Name => Body.Map("metadata").Str("name") ?? "";

    public string? Namespace => Body.Map("metadata").Str("namespace");

    public bool Is(string kind) => string.Equals(Kind, kind, StringComparison.Ordinal);

    public override string ToString() => $"{Kind}/{Name} ({Source})";
}
