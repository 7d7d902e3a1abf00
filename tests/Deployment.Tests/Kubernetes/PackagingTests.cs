namespace VibeCheck.Deployment.Tests.Kubernetes;

/// <summary>kustomization.yaml and the Secret template: what `kubectl apply -k` gets, and what operators create by hand.</summary>
public sealed class PackagingTests
{
    private const string SecretTemplate = "secret.template.yaml";

    private static YamlMap Kustomization() =>
        Assert.Single(ManifestSet.LoadRepository().OfKind("Kustomization")).Body;

    [Fact]
    public void Kustomization_lists_every_manifest_but_the_secret_template()
    {
        var listed = Kustomization().Seq("resources").OfType<string>().ToHashSet();
        var files = Directory.EnumerateFiles(RepoPaths.Of("k8s"), "*.yaml").Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not "kustomization.yaml" and not SecretTemplate).ToHashSet();

        Assert.Equal(files.Order(), listed.Order());
        Assert.DoesNotContain(SecretTemplate, listed);
    }

    [Fact]
    public void Kustomization_images_are_the_ones_the_deployments_run()
    {
        var images = ManifestSet.LoadRepository().PodTemplates.SelectMany(t => t.Containers)
            .Select(c => c.Str("image")!.Split(':')[0]).ToHashSet();

        Assert.Equal(images.Order(), Kustomization().Maps("images").Select(i => i.Str("name")).Order());
    }

    [Fact]
    public void Secret_template_holds_placeholders_only()
    {
        var secrets = ManifestSet.LoadRepository().All.Where(m => m.Source == SecretTemplate).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.Equal("Secret", s.Kind));
        Assert.All(secrets.SelectMany(s => s.Body.Strings("stringData")), pair =>
            Assert.Contains("REPLACE", pair.Value, StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.Null(s.Body.Map("data")));
    }

    [Fact]
    public void Readme_tells_how_to_create_every_secret_key()
    {
        var readme = File.ReadAllText(RepoPaths.Of("k8s", "README.md"));
        var secrets = ManifestSet.LoadRepository().All.Where(m => m.Source == SecretTemplate).ToList();

        Assert.All(secrets, s => Assert.Contains($"create secret generic {s.Name}", readme, StringComparison.Ordinal));
        Assert.All(secrets.SelectMany(ManifestSet.KeysOf), key =>
            Assert.Matches($"--from-(literal|file)={System.Text.RegularExpressions.Regex.Escape(key)}=", readme));
    }

    [Fact]
    public void Repository_root_is_found_from_a_nested_folder()
    {
        Assert.Equal(RepoPaths.Root, RepoPaths.FindRoot(RepoPaths.Of("k8s")));
        Assert.Throws<InvalidOperationException>(() => RepoPaths.FindRoot(Path.GetTempPath()));
    }
}
