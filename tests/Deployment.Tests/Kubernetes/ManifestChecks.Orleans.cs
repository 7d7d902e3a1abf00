namespace VibeCheck.Deployment.Tests.Kubernetes;

internal static partial class ManifestChecks
{
    public const string ServiceIdLabel = "orleans/serviceId";
    public const string ClusterIdLabel = "orleans/clusterId";

    /// <summary>What <c>UseKubernetesHosting()</c> reads from each silo container's environment, as field paths.</summary>
    public static readonly IReadOnlyDictionary<string, string> HostingEnvironment = new Dictionary<string, string>
    {
        ["POD_NAME"] = "metadata.name",
        ["POD_NAMESPACE"] = "metadata.namespace",
        ["POD_IP"] = "status.podIP",
        ["ORLEANS_SERVICE_ID"] = $"metadata.labels['{ServiceIdLabel}']",
        ["ORLEANS_CLUSTER_ID"] = $"metadata.labels['{ClusterIdLabel}']",
    };

    /// <summary>Verbs on pods the Kubernetes hosting needs: read its pod, watch the cluster's, delete dead silos' pods.</summary>
    public static readonly string[] HostingPodVerbs = ["get", "watch", "list", "delete"];

    /// <summary>Silo pod templates: those carrying the Orleans service id label.</summary>
    public static IEnumerable<PodTemplate> Silos(ManifestSet set) => set.PodTemplates.Where(t => t.Labels.ContainsKey(ServiceIdLabel));

    /// <summary>
    /// Silo pods satisfy Microsoft.Orleans.Hosting.Kubernetes: both identity labels, the environment it reads, and a
    /// ServiceAccount bound to a Role that may get, watch, list and delete pods.
    /// </summary>
    public static IEnumerable<string> OrleansHosting(ManifestSet set)
    {
        var silos = Silos(set).ToList();
        if (silos.Count == 0)
        {
            yield return $"no workload carries the {ServiceIdLabel} label: the silo cannot use Kubernetes hosting";
        }

        foreach (var silo in silos)
        {
            if (!silo.Labels.ContainsKey(ClusterIdLabel))
            {
                yield return $"{silo} has {ServiceIdLabel} but no {ClusterIdLabel} label";
            }

            foreach (var container in silo.Spec.Maps("containers"))
            {
                var env = container.Maps("env").ToDictionary(e => e.Str("name") ?? "", e => e);
                foreach (var (name, fieldPath) in HostingEnvironment)
                {
                    if (!env.TryGetValue(name, out var variable) || variable.At("valueFrom.fieldRef.fieldPath") as string != fieldPath)
                    {
                        yield return $"container {container.Str("name")} of {silo} must set {name} from fieldRef {fieldPath}";
                    }
                }
            }

            var account = silo.Spec.Str("serviceAccountName");
            if (account is null || !CanManagePods(set, account, silo.Workload.Namespace))
            {
                yield return $"{silo} runs as ServiceAccount '{account ?? "default"}', which no RoleBinding lets {string.Join("/", HostingPodVerbs)} pods";
            }
        }
    }

    /// <summary>Clients find the silos in Redis under the ids in the ConfigMap: they must equal the silo labels.</summary>
    public static IEnumerable<string> ClusterIdentity(ManifestSet set)
    {
        var pairs = new[] { ("Orleans__ServiceId", ServiceIdLabel), ("Orleans__ClusterId", ClusterIdLabel) };
        foreach (var configMap in set.OfKind("ConfigMap"))
        {
            var data = configMap.Body.Strings("data");
            foreach (var (key, label) in pairs)
            {
                if (data.TryGetValue(key, out var value))
                {
                    foreach (var silo in Silos(set).Where(s => s.Labels.GetValueOrDefault(label) != value))
                    {
                        yield return $"{configMap} sets {key}={value} but {silo} is labelled {label}={silo.Labels.GetValueOrDefault(label)}";
                    }
                }
            }
        }
    }

    private static bool CanManagePods(ManifestSet set, string account, string? ns) => set.OfKind("RoleBinding")
        .Where(b => b.Namespace == ns && b.Body.Maps("subjects").Any(s => s.Str("kind") == "ServiceAccount" && s.Str("name") == account))
        .Select(b => set.Find(b.Body.Map("roleRef").Str("kind") ?? "", b.Body.Map("roleRef").Str("name"), ns))
        .OfType<Manifest>()
        .SelectMany(role => role.Body.Maps("rules"))
        .Where(rule => rule.Seq("apiGroups").Contains("") && rule.Seq("resources").Contains("pods"))
        .SelectMany(rule => rule.Seq("verbs").OfType<string>())
        .ToHashSet() is var verbs && HostingPodVerbs.All(verbs.Contains);
}
