using System.Text.RegularExpressions;

namespace VibeCheck.Deployment.Tests.Kubernetes;

internal static partial class ManifestChecks
{
    /// <summary>Setting names that carry secrets: their values must come from a Secret.</summary>
    private static readonly Regex SecretSetting = new(
        "(password|secret|apikeys|adminkeys|connectionstrings__|slack__url|credentials)", RegexOptions.IgnoreCase);

    /// <summary>Every secretKeyRef, configMapKeyRef, envFrom and volume names an existing Secret/ConfigMap and key.</summary>
    public static IEnumerable<string> ConfigReferences(ManifestSet set)
    {
        foreach (var template in set.PodTemplates)
        {
            var ns = template.Workload.Namespace;
            foreach (var container in template.Containers)
            {
                foreach (var env in container.Maps("env"))
                {
                    foreach (var (kind, refKey) in KeyRefs)
                    {
                        if (env.At($"valueFrom.{refKey}") is YamlMap reference)
                        {
                            var problem = MissingKey(set, kind, reference.Str("name"), reference.Str("key"), ns);
                            if (problem is not null)
                            {
                                yield return $"env {env.Str("name")} of {template}: {problem}";
                            }
                        }
                    }
                }

                foreach (var source in container.Maps("envFrom"))
                {
                    foreach (var (kind, refKey) in SourceRefs)
                    {
                        if (source.Map(refKey) is YamlMap reference && set.Find(kind, reference.Str("name"), ns) is null)
                        {
                            yield return $"envFrom of {template}: {kind}/{reference.Str("name")} does not exist";
                        }
                    }
                }
            }

            foreach (var volume in template.Spec.Maps("volumes"))
            {
                var (kind, name, items) = volume.Map("secret") is YamlMap secret
                    ? ("Secret", secret.Str("secretName"), secret.Maps("items"))
                    : volume.Map("configMap") is YamlMap configMap
                        ? ("ConfigMap", configMap.Str("name"), configMap.Maps("items"))
                        : (null, null, Enumerable.Empty<YamlMap>());
                if (kind is null)
                {
                    continue;
                }

                if (set.Find(kind, name, ns) is null)
                {
                    yield return $"volume {volume.Str("name")} of {template}: {kind}/{name} does not exist";
                }

                foreach (var problem in items.Select(i => MissingKey(set, kind, name, i.Str("key"), ns)).OfType<string>())
                {
                    yield return $"volume {volume.Str("name")} of {template}: {problem}";
                }
            }
        }
    }

    /// <summary>Secret-looking settings come from Secrets: never a literal env value, never a ConfigMap key.</summary>
    public static IEnumerable<string> SecretsStayInSecrets(ManifestSet set)
    {
        foreach (var template in set.PodTemplates)
        {
            foreach (var env in template.Containers.SelectMany(c => c.Maps("env")))
            {
                var name = env.Str("name") ?? "";
                if (SecretSetting.IsMatch(name) && !name.EndsWith("Path", StringComparison.Ordinal) && env.At("valueFrom.secretKeyRef") is null)
                {
                    yield return $"env {name} of {template} carries a secret but is not read from a Secret";
                }
            }
        }

        foreach (var configMap in set.OfKind("ConfigMap"))
        {
            foreach (var key in ManifestSet.KeysOf(configMap).Where(k => SecretSetting.IsMatch(k) && !k.EndsWith("Path", StringComparison.Ordinal)))
            {
                yield return $"{configMap} holds secret-looking key {key}";
            }
        }
    }

    private static readonly (string Kind, string RefKey)[] KeyRefs = [("Secret", "secretKeyRef"), ("ConfigMap", "configMapKeyRef")];

    private static readonly (string Kind, string RefKey)[] SourceRefs = [("Secret", "secretRef"), ("ConfigMap", "configMapRef")];

    private static string? MissingKey(ManifestSet set, string kind, string? name, string? key, string? ns)
    {
        var target = set.Find(kind, name, ns);
        if (target is null)
        {
            return $"{kind}/{name} does not exist";
        }

        return key is not null && !ManifestSet.KeysOf(target).Contains(key) ? $"{kind}/{name} has no key '{key}'" : null;
    }
}
