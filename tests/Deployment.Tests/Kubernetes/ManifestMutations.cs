namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>Shortcuts to reach into a parsed manifest set and break it on purpose.</summary>
internal static class ManifestMutations
{
    public const string Silo = "vibecheck-silo";
    public const string Gateway = "vibecheck-gateway";

    public static YamlMap Body(this ManifestSet set, string kind, string name) => set.Single(kind, name).Body;

    public static YamlMap PodSpec(this ManifestSet set, string deployment) => (YamlMap)set.Body("Deployment", deployment).At("spec.template.spec")!;

    public static YamlMap PodLabels(this ManifestSet set, string deployment) => (YamlMap)set.Body("Deployment", deployment).At("spec.template.metadata.labels")!;

    public static YamlMap PodAnnotations(this ManifestSet set, string deployment) => (YamlMap)set.Body("Deployment", deployment).At("spec.template.metadata.annotations")!;

    public static YamlMap Container(this ManifestSet set, string deployment) => set.PodSpec(deployment).Maps("containers").First();

    public static YamlMap Env(this ManifestSet set, string deployment, string name) =>
        set.Container(deployment).Maps("env").Single(e => e.Str("name") == name);

    public static void RemoveEnv(this ManifestSet set, string deployment, string name) =>
        set.Container(deployment).Seq("env").RemoveAll(e => e.Str("name") == name);

    public static YamlMap Map(this YamlMap node, string path) => (YamlMap)node.At(path)!;
}
