namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>
/// Checks over a <see cref="ManifestSet"/>; each returns one readable problem per broken reference, none when sound.
/// </summary>
internal static partial class ManifestChecks
{
    /// <summary>Every Service selects the pods of some workload in its namespace.</summary>
    public static IEnumerable<string> ServiceSelectors(ManifestSet set)
    {
        foreach (var service in set.OfKind("Service"))
        {
            var selector = service.Body.Map("spec").Strings("selector");
            if (selector.Count == 0)
            {
                yield return $"{service} has no selector";
            }
            else if (!set.PodTemplates.Any(t => t.Workload.Namespace == service.Namespace && t.Matches(selector)))
            {
                yield return $"{service} selector {Show(selector)} matches no pod template";
            }
        }
    }

    /// <summary>Every Service targetPort is a port of the containers it selects.</summary>
    public static IEnumerable<string> ServicePorts(ManifestSet set)
    {
        foreach (var service in set.OfKind("Service"))
        {
            var selector = service.Body.Map("spec").Strings("selector");
            var targets = set.PodTemplates.Where(t => t.Workload.Namespace == service.Namespace && t.Matches(selector)).ToList();
            foreach (var port in service.Body.Map("spec").Maps("ports"))
            {
                var target = port.Str("targetPort") ?? port.Str("port");
                foreach (var template in targets.Where(t => !t.AnyContainerHasPort(target)))
                {
                    yield return $"{service} targetPort {target} is not a container port of {template}";
                }
            }
        }
    }

    /// <summary>Probes, scrape annotations and <c>--urls</c> arguments name ports the container declares.</summary>
    public static IEnumerable<string> ContainerPorts(ManifestSet set)
    {
        foreach (var template in set.PodTemplates)
        {
            foreach (var container in template.Containers)
            {
                foreach (var probe in ProbeNames)
                {
                    var port = container.At($"{probe}.httpGet.port") ?? container.At($"{probe}.tcpSocket.port");
                    if (container.Map(probe) is not null && !PodTemplate.HasPort(container, port as string))
                    {
                        yield return $"{probe} of container {container.Str("name")} in {template} uses undeclared port {port}";
                    }
                }

                foreach (var url in container.Seq("args").OfType<string>().Where(a => a.StartsWith("--urls=", StringComparison.Ordinal)))
                {
                    var port = url[(url.LastIndexOf(':') + 1)..].TrimEnd('/');
                    if (!PodTemplate.HasPort(container, port))
                    {
                        yield return $"container {container.Str("name")} in {template} listens on {url} but declares no port {port}";
                    }
                }
            }

            if (template.Annotations.GetValueOrDefault("prometheus.io/scrape") == "true")
            {
                var port = template.Annotations.GetValueOrDefault("prometheus.io/port");
                if (!template.AnyContainerHasPort(port))
                {
                    yield return $"{template} is scraped on port {port ?? "(none)"}, which no container declares";
                }

                if (template.Annotations.GetValueOrDefault("prometheus.io/path") != "/metrics")
                {
                    yield return $"{template} is scraped on a path other than /metrics";
                }
            }
        }
    }

    /// <summary>Every workload's selector matches its own pod template.</summary>
    public static IEnumerable<string> WorkloadSelectors(ManifestSet set) => set.PodTemplates
        .Where(t => !t.Matches(t.Workload.Body.At("spec.selector").Strings("matchLabels")))
        .Select(t => $"{t.Workload} selector does not match its pod template labels {Show(t.Labels)}");

    /// <summary>HorizontalPodAutoscalers and PodDisruptionBudgets point at existing workloads.</summary>
    public static IEnumerable<string> ScalingTargets(ManifestSet set)
    {
        foreach (var hpa in set.OfKind("HorizontalPodAutoscaler"))
        {
            var target = hpa.Body.At("spec.scaleTargetRef");
            var template = set.TemplateOf(target.Str("kind"), target.Str("name"));
            if (template is null)
            {
                yield return $"{hpa} scales {target.Str("kind")}/{target.Str("name")}, which does not exist";
                continue;
            }

            if (template.Workload.Body.At("spec.replicas") is not null)
            {
                yield return $"{hpa} target {template.Workload} sets spec.replicas, which every apply would reset";
            }

            var resources = hpa.Body.Map("spec").Maps("metrics").Select(m => m.At("resource.name") as string).OfType<string>();
            foreach (var resource in resources)
            {
                foreach (var container in template.Containers.Where(c => c.At($"resources.requests.{resource}") is null))
                {
                    yield return $"{hpa} scales on {resource} but container {container.Str("name")} of {template} requests none";
                }
            }
        }

        foreach (var pdb in set.OfKind("PodDisruptionBudget"))
        {
            var selector = pdb.Body.At("spec.selector").Strings("matchLabels");
            if (!set.PodTemplates.Any(t => t.Workload.Namespace == pdb.Namespace && t.Matches(selector)))
            {
                yield return $"{pdb} selector {Show(selector)} matches no workload";
            }
        }
    }

    /// <summary>RoleBindings bind existing Roles to existing ServiceAccounts; workloads run as existing accounts.</summary>
    public static IEnumerable<string> Rbac(ManifestSet set)
    {
        foreach (var binding in set.OfKind("RoleBinding"))
        {
            var roleRef = binding.Body.Map("roleRef");
            if (set.Find(roleRef.Str("kind") ?? "", roleRef.Str("name"), binding.Namespace) is null)
            {
                yield return $"{binding} refers to missing {roleRef.Str("kind")}/{roleRef.Str("name")}";
            }

            foreach (var subject in binding.Body.Maps("subjects").Where(s => s.Str("kind") == "ServiceAccount"))
            {
                if (set.Find("ServiceAccount", subject.Str("name"), subject.Str("namespace") ?? binding.Namespace) is null)
                {
                    yield return $"{binding} binds missing ServiceAccount/{subject.Str("name")}";
                }
            }
        }

        foreach (var template in set.PodTemplates)
        {
            var account = template.Spec.Str("serviceAccountName");
            if (account is not null && set.Find("ServiceAccount", account, template.Workload.Namespace) is null)
            {
                yield return $"{template} runs as missing ServiceAccount/{account}";
            }
        }
    }

    /// <summary>Every namespaced object lives in a Namespace the manifests create.</summary>
    public static IEnumerable<string> Namespaces(ManifestSet set) => set.All
        .Where(m => !m.Is("Namespace") && !m.Is("Kustomization"))
        .Where(m => m.Namespace is null || set.Find("Namespace", m.Namespace) is null)
        .Select(m => $"{m} is in namespace '{m.Namespace ?? "(none)"}', which the manifests do not create");

    private static readonly string[] ProbeNames = ["startupProbe", "livenessProbe", "readinessProbe"];

    private static string Show(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.Select(p => $"{p.Key}={p.Value}")) + "}";
}
