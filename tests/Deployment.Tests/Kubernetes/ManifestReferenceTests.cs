using static VibeCheck.Deployment.Tests.Kubernetes.ManifestMutations;

namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>The manifests under k8s/ parse and refer to each other correctly; each check catches its breakage.</summary>
public sealed class ManifestReferenceTests
{
    public static TheoryData<string> CheckNames => new(ManifestChecks.All.Keys);

    [Fact]
    public void Every_document_parses_with_apiVersion_kind_and_name()
    {
        var set = ManifestSet.LoadRepository();

        Assert.True(set.All.Count >= 15, $"only {set.All.Count} documents under k8s/");
        Assert.All(set.All.Where(m => !m.Is("Kustomization")), m =>
        {
            Assert.False(string.IsNullOrEmpty(m.Body.Str("apiVersion")), $"{m} has no apiVersion");
            Assert.False(string.IsNullOrEmpty(m.Name), $"{m} has no metadata.name");
        });
    }

    [Theory]
    [InlineData("Namespace", "vibecheck")]
    [InlineData("ConfigMap", "vibecheck-config")]
    [InlineData("Secret", "vibecheck-secrets")]
    [InlineData("Secret", "vibecheck-bigquery")]
    [InlineData("ServiceAccount", Silo)]
    [InlineData("Role", "vibecheck-silo-pods")]
    [InlineData("RoleBinding", "vibecheck-silo-pods")]
    [InlineData("Deployment", Silo)]
    [InlineData("Service", Silo)]
    [InlineData("PodDisruptionBudget", Silo)]
    [InlineData("Deployment", Gateway)]
    [InlineData("Service", Gateway)]
    [InlineData("HorizontalPodAutoscaler", Gateway)]
    [InlineData("PodDisruptionBudget", Gateway)]
    public void Production_deployment_object_exists(string kind, string name) =>
        Assert.NotNull(ManifestSet.LoadRepository().Find(kind, name));

    [Fact]
    public void Silo_service_is_headless() =>
        Assert.Equal("None", ManifestSet.LoadRepository().Body("Service", Silo).At("spec.clusterIP"));

    [Theory]
    [MemberData(nameof(CheckNames))]
    public void Repository_manifests_pass(string check) =>
        Assert.Empty(ManifestChecks.All[check](ManifestSet.LoadRepository()));

    public static TheoryData<string> BreakageNames => new(Breakages.Keys);

    [Theory]
    [MemberData(nameof(BreakageNames))]
    public void Broken_manifest_is_caught(string breakage)
    {
        var (check, breakIt, expected) = Breakages[breakage];
        var set = ManifestSet.LoadRepository();
        Assert.Empty(ManifestChecks.All[check](set));

        breakIt(set);

        var problems = ManifestChecks.All[check](set).ToList();
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, (string Check, Action<ManifestSet> Break, string Expected)> Breakages = new()
    {
        ["service selector typo"] = (nameof(ManifestChecks.ServiceSelectors),
            s => s.Body("Service", Gateway).Map("spec.selector")["app.kubernetes.io/name"] = "vibecheck-gatewy", "matches no pod template"),
        ["service without selector"] = (nameof(ManifestChecks.ServiceSelectors),
            s => s.Body("Service", Silo).Map("spec").Remove("selector"), "has no selector"),
        ["service targetPort not declared"] = (nameof(ManifestChecks.ServicePorts),
            s => s.Body("Service", Gateway).Map("spec").Maps("ports").First()["targetPort"] = "web", "targetPort web"),
        ["probe on undeclared port"] = (nameof(ManifestChecks.ContainerPorts),
            s => s.Container(Silo).Map("readinessProbe.httpGet")["port"] = "metrics", "uses undeclared port metrics"),
        ["--urls port not declared"] = (nameof(ManifestChecks.ContainerPorts),
            s => s.Container(Gateway)["args"] = new List<object?> { "--urls=http://0.0.0.0:9090" }, "declares no port 9090"),
        ["scrape annotation on wrong port"] = (nameof(ManifestChecks.ContainerPorts),
            s => s.PodAnnotations(Silo)["prometheus.io/port"] = "9100", "scraped on port 9100"),
        ["workload selector misses its pods"] = (nameof(ManifestChecks.WorkloadSelectors),
            s => s.Body("Deployment", Silo).Map("spec.selector.matchLabels")["orleans/serviceId"] = "other", "does not match its pod template"),
        ["HPA targets missing deployment"] = (nameof(ManifestChecks.ScalingTargets),
            s => s.Body("HorizontalPodAutoscaler", Gateway).Map("spec.scaleTargetRef")["name"] = "gateway", "which does not exist"),
        ["HPA target pins replicas"] = (nameof(ManifestChecks.ScalingTargets),
            s => s.Body("Deployment", Gateway).Map("spec")["replicas"] = "3", "sets spec.replicas"),
        ["HPA on cpu without cpu request"] = (nameof(ManifestChecks.ScalingTargets),
            s => s.Container(Gateway).Map("resources.requests").Remove("cpu"), "requests none"),
        ["PDB selector misses"] = (nameof(ManifestChecks.ScalingTargets),
            s => s.Body("PodDisruptionBudget", Silo).Map("spec.selector.matchLabels")["app.kubernetes.io/name"] = "silo", "matches no workload"),
        ["RoleBinding to missing Role"] = (nameof(ManifestChecks.Rbac),
            s => s.Body("RoleBinding", "vibecheck-silo-pods").Map("roleRef")["name"] = "pods", "refers to missing Role/pods"),
        ["RoleBinding to missing ServiceAccount"] = (nameof(ManifestChecks.Rbac),
            s => s.Body("RoleBinding", "vibecheck-silo-pods").Maps("subjects").First()["name"] = "silo", "binds missing ServiceAccount/silo"),
        ["pod runs as missing ServiceAccount"] = (nameof(ManifestChecks.Rbac),
            s => s.PodSpec(Gateway)["serviceAccountName"] = "nobody", "runs as missing ServiceAccount/nobody"),
        ["object in uncreated namespace"] = (nameof(ManifestChecks.Namespaces),
            s => s.Body("ConfigMap", "vibecheck-config").Map("metadata")["namespace"] = "default", "in namespace 'default'"),
        ["secretKeyRef key typo"] = (nameof(ManifestChecks.ConfigReferences),
            s => s.Env(Gateway, "ConnectionStrings__Redis").Map("valueFrom.secretKeyRef")["key"] = "redis", "has no key 'redis'"),
        ["secretKeyRef secret typo"] = (nameof(ManifestChecks.ConfigReferences),
            s => s.Env(Silo, "Alerts__Webhook__Secret").Map("valueFrom.secretKeyRef")["name"] = "vibecheck-secret", "Secret/vibecheck-secret does not exist"),
        ["envFrom missing ConfigMap"] = (nameof(ManifestChecks.ConfigReferences),
            s => s.Container(Silo).Maps("envFrom").First().Map("configMapRef")["name"] = "config", "ConfigMap/config does not exist"),
        ["volume from missing Secret key"] = (nameof(ManifestChecks.ConfigReferences),
            s => s.PodSpec(Silo).Maps("volumes").Single(v => v.Str("name") == "bigquery").Map("secret").Maps("items").First()["key"] = "key.json",
            "has no key 'key.json'"),
        ["secret as literal env value"] = (nameof(ManifestChecks.SecretsStayInSecrets),
            s => s.Env(Silo, "Alerts__Email__Password")["valueFrom"] = null, "Alerts__Email__Password"),
        ["secret in the ConfigMap"] = (nameof(ManifestChecks.SecretsStayInSecrets),
            s => s.Body("ConfigMap", "vibecheck-config").Map("data")["Auth__ApiKeys__0"] = "k", "secret-looking key Auth__ApiKeys__0"),
        ["readiness on /alive"] = (nameof(ManifestChecks.HealthProbes),
            s => s.Container(Gateway).Map("readinessProbe.httpGet")["path"] = "/alive", "readiness probe must GET /health"),
        ["liveness on /health"] = (nameof(ManifestChecks.HealthProbes),
            s => s.Container(Silo).Map("livenessProbe.httpGet")["path"] = "/health", "liveness probe must GET /alive"),
        ["no termination grace"] = (nameof(ManifestChecks.HealthProbes),
            s => s.PodSpec(Silo).Remove("terminationGracePeriodSeconds"), "terminationGracePeriodSeconds"),
        ["no memory limit"] = (nameof(ManifestChecks.Resources),
            s => s.Container(Silo).Map("resources.limits").Remove("memory"), "resources.limits.memory"),
        ["runAsNonRoot missing"] = (nameof(ManifestChecks.NonRoot),
            s => s.PodSpec(Gateway).Map("securityContext").Remove("runAsNonRoot"), "runAsNonRoot"),
        ["privilege escalation allowed"] = (nameof(ManifestChecks.NonRoot),
            s => s.Container(Silo).Map("securityContext")["allowPrivilegeEscalation"] = "true", "allowPrivilegeEscalation"),
        ["silo without cluster id label"] = (nameof(ManifestChecks.OrleansHosting),
            s => s.PodLabels(Silo).Remove("orleans/clusterId"), "no orleans/clusterId label"),
        ["silo without POD_IP"] = (nameof(ManifestChecks.OrleansHosting),
            s => s.RemoveEnv(Silo, "POD_IP"), "must set POD_IP"),
        ["ORLEANS_CLUSTER_ID not from the label"] = (nameof(ManifestChecks.OrleansHosting),
            s => s.Env(Silo, "ORLEANS_CLUSTER_ID").Map("valueFrom.fieldRef")["fieldPath"] = "metadata.name", "must set ORLEANS_CLUSTER_ID"),
        ["Role cannot delete pods"] = (nameof(ManifestChecks.OrleansHosting),
            s => s.Body("Role", "vibecheck-silo-pods").Maps("rules").First().Seq("verbs").Remove("delete"), "which no RoleBinding lets"),
        ["no silo labels at all"] = (nameof(ManifestChecks.OrleansHosting),
            s => s.PodLabels(Silo).Remove("orleans/serviceId"), "no workload carries"),
        ["gateway cluster id differs from silo label"] = (nameof(ManifestChecks.ClusterIdentity),
            s => s.Body("ConfigMap", "vibecheck-config").Map("data")["Orleans__ClusterId"] = "blue", "Orleans__ClusterId=blue"),
    };
}
