namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>Every object of a folder of manifests, so references between them can be checked.</summary>
internal sealed class ManifestSet(IReadOnlyList<Manifest> all)
{
    public IReadOnlyList<Manifest> All { get; } = all;

    public static ManifestSet Load(string directory) => new(
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlTree.Parse(File.ReadAllText(f)).Select(body => new Manifest(Path.GetFileName(f), body)))
            .ToList());

    /// <summary>The repository's <c>k8s/</c> folder, freshly parsed (tests may break their copy).</summary>
    public static ManifestSet LoadRepository() => Load(RepoPaths.Of("k8s"));

    public IEnumerable<Manifest> OfKind(string kind) => All.Where(m => m.Is(kind));

    public Manifest? Find(string kind, string? name, string? ns = null) =>
        All.FirstOrDefault(m => m.Is(kind) && m.Name == name && (ns is null || m.Namespace is null || m.Namespace == ns));

    public Manifest Single(string kind, string name) =>
        Find(kind, name) ?? throw new InvalidOperationException($"No {kind}/{name} in the manifests.");

    public IEnumerable<PodTemplate> PodTemplates => All
        .Where(m => PodTemplate.WorkloadKinds.Contains(m.Kind) && m.Body.At("spec.template") is YamlMap)
        .Select(m => new PodTemplate(m, (YamlMap)m.Body.At("spec.template")!));

    /// <summary>The pod template of the workload named, or null.</summary>
    public PodTemplate? TemplateOf(string? kind, string? name) =>
        PodTemplates.FirstOrDefault(t => t.Workload.Kind == kind && t.Workload.Name == name);

    /// <summary>Keys of a ConfigMap or Secret (data, stringData, binaryData).</summary>
    public static IEnumerable<string> KeysOf(Manifest configOrSecret) =>
        new[] { "data", "stringData", "binaryData" }.SelectMany(k => configOrSecret.Body.Map(k)?.Keys ?? Enumerable.Empty<string>());
}
