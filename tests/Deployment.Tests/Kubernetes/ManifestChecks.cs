namespace VibeCheck.Deployment.Tests.Kubernetes;

internal static partial class ManifestChecks
{
    /// <summary>Every check, by name, so one test can run them all and name the failing one.</summary>
    public static readonly IReadOnlyDictionary<string, Func<ManifestSet, IEnumerable<string>>> All =
        new Dictionary<string, Func<ManifestSet, IEnumerable<string>>>
        {
            [nameof(ServiceSelectors)] = ServiceSelectors,
            [nameof(ServicePorts)] = ServicePorts,
            [nameof(ContainerPorts)] = ContainerPorts,
            [nameof(WorkloadSelectors)] = WorkloadSelectors,
            [nameof(ScalingTargets)] = ScalingTargets,
            [nameof(Rbac)] = Rbac,
            [nameof(Namespaces)] = Namespaces,
            [nameof(ConfigReferences)] = ConfigReferences,
            [nameof(SecretsStayInSecrets)] = SecretsStayInSecrets,
            [nameof(HealthProbes)] = HealthProbes,
            [nameof(Resources)] = Resources,
            [nameof(NonRoot)] = NonRoot,
            [nameof(OrleansHosting)] = OrleansHosting,
            [nameof(ClusterIdentity)] = ClusterIdentity,
        };
}
