namespace VibeCheck.Deployment.Tests.Kubernetes;

internal static partial class ManifestChecks
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";

    /// <summary>Readiness asks /health (Redis, cluster); liveness asks /alive, which does not depend on Redis.</summary>
    public static IEnumerable<string> HealthProbes(ManifestSet set)
    {
        foreach (var template in set.PodTemplates)
        {
            foreach (var container in template.Spec.Maps("containers"))
            {
                if (container.At("readinessProbe.httpGet.path") as string != ReadinessPath)
                {
                    yield return $"container {container.Str("name")} of {template}: readiness probe must GET {ReadinessPath}";
                }

                if (container.At("livenessProbe.httpGet.path") as string != LivenessPath)
                {
                    yield return $"container {container.Str("name")} of {template}: liveness probe must GET {LivenessPath}";
                }
            }

            if (template.Spec.Str("terminationGracePeriodSeconds") is not { } grace || !int.TryParse(grace, out var seconds) || seconds < 30)
            {
                yield return $"{template} needs terminationGracePeriodSeconds of at least 30 for a graceful shutdown";
            }
        }
    }

    /// <summary>Every container requests and limits CPU and memory.</summary>
    public static IEnumerable<string> Resources(ManifestSet set) =>
        from template in set.PodTemplates
        from container in template.Containers
        from setting in new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" }
        where container.At($"resources.{setting}") is null
        select $"container {container.Str("name")} of {template} has no resources.{setting}";

    /// <summary>Pods run as a non-root user without privilege escalation and with a read-only root filesystem.</summary>
    public static IEnumerable<string> NonRoot(ManifestSet set)
    {
        foreach (var template in set.PodTemplates)
        {
            var pod = template.Spec.Map("securityContext");
            foreach (var container in template.Containers)
            {
                var own = container.Map("securityContext");
                var name = $"container {container.Str("name")} of {template}";
                if ((own.Str("runAsNonRoot") ?? pod.Str("runAsNonRoot")) != "true")
                {
                    yield return $"{name} does not set runAsNonRoot: true";
                }

                if ((own.Str("runAsUser") ?? pod.Str("runAsUser")) == "0")
                {
                    yield return $"{name} runs as uid 0";
                }

                if (own.Str("allowPrivilegeEscalation") != "false")
                {
                    yield return $"{name} does not set allowPrivilegeEscalation: false";
                }

                if (own.Str("readOnlyRootFilesystem") != "true")
                {
                    yield return $"{name} does not set readOnlyRootFilesystem: true";
                }

                if (!own.At("capabilities").Seq("drop").OfType<string>().Contains("ALL"))
                {
                    yield return $"{name} does not drop ALL capabilities";
                }
            }
        }
    }
}
