namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>The pod template of a workload (Deployment, StatefulSet, DaemonSet).</summary>
internal sealed record PodTemplate(Manifest Workload, YamlMap Template)
{
    public static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet"];

    public IReadOnlyDictionary<string, string> Labels => Template.Map("metadata").Strings("labels");

    public IReadOnlyDictionary<string, string> Annotations => Template.Map("metadata").Strings("annotations");

    public YamlMap Spec => Template.Map("spec") ?? [];

    /// <summary>Containers and init containers.</summary>
    public IEnumerable<YamlMap> Containers => Spec.Maps("containers").Concat(Spec.Maps("initContainers"));

    /// <summary>True when the container declares the port by name or number.</summary>
    public static bool HasPort(YamlMap container, string? port) =>
        port is not null && container.Maps("ports").Any(p => p.Str("name") == port || p.Str("containerPort") == port);

    public bool AnyContainerHasPort(string? port) => Containers.Any(c => HasPort(c, port));

    /// <summary>True when every pair of <paramref name="selector"/> is among the labels (an empty selector matches nothing).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> selector) =>
        selector.Count > 0 && selector.All(pair => Labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override string ToString() => $"pod template of {Workload}";
}
