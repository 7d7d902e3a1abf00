namespace VibeCheck.Deployment.Tests.Docker;

/// <summary>What an image recipe of ours must be: sdk→aspnet multi-stage, non-root, the right dll, real sources.</summary>
internal static class DockerfileChecks
{
    public const string BuildImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    public const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    /// <summary>Projects whose native code (OpenCV) loads GTK 3 at run time.</summary>
    private static readonly string[] NeedsGtk = ["Vision/Vision.csproj"];

    /// <summary>Repository-wide build settings every project needs (target, RID, central package versions, SDK).</summary>
    private static readonly string[] BuildFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    public static IEnumerable<string> Check(Dockerfile file, string project, string root, IReadOnlyCollection<string> dockerIgnore)
    {
        if (file.Stages.Count < 2)
        {
            yield return "not multi-stage: build and runtime must be separate stages";
            yield break;
        }

        if (!file.Stages[0].Image.StartsWith(BuildImage, StringComparison.Ordinal))
        {
            yield return $"first stage is {file.Stages[0].Image}, not {BuildImage}";
        }

        if (!file.Final.Image.StartsWith(RuntimeImage, StringComparison.Ordinal))
        {
            yield return $"final stage is {file.Final.Image}, not {RuntimeImage}";
        }

        var user = file.Final.Args("USER").LastOrDefault();
        if (user is null || user.Split(':')[0] is "root" or "0")
        {
            yield return $"final stage runs as {user ?? "root (no USER)"}";
        }

        var dll = ProjectGraph.AssemblyName(root, project) + ".dll";
        var entrypoint = file.Final.Args("ENTRYPOINT").LastOrDefault();
        if (entrypoint != $"[\"dotnet\", \"{dll}\"]")
        {
            yield return $"ENTRYPOINT is {entrypoint ?? "(none)"}, expected [\"dotnet\", \"{dll}\"]";
        }

        if (file.Stages.Any(s => s.Args("HEALTHCHECK").Any()))
        {
            yield return "HEALTHCHECK present: Kubernetes probes check health";
        }

        if (!file.Stages.SelectMany(s => s.Args("RUN")).Any(r => r.Contains($"dotnet publish {project}", StringComparison.Ordinal)))
        {
            yield return $"no stage runs dotnet publish {project}";
        }

        var copied = file.Stages.SelectMany(s => s.Args("COPY"))
            .Where(a => !a.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();
        foreach (var source in copied.Where(s => !File.Exists(Path.Combine(root, s)) && !Directory.Exists(Path.Combine(root, s))))
        {
            yield return $"COPY {source}: no such file or folder in the repository";
        }

        foreach (var source in copied.Where(s => dockerIgnore.Contains(s.Split('/')[0] + "/") || dockerIgnore.Contains(s)))
        {
            yield return $"COPY {source}: excluded by .dockerignore";
        }

        foreach (var buildFile in BuildFiles.Where(f => !copied.Contains(f)))
        {
            yield return $"{buildFile} is not copied: the build would miss central settings or package versions";
        }

        var closure = ProjectGraph.Closure(root, project);
        foreach (var needed in closure)
        {
            var folder = Path.GetDirectoryName(needed)!.Replace('\\', '/') + "/";
            if (!copied.Contains(needed) || !copied.Contains(folder))
            {
                yield return $"{needed} is referenced by {project} but the build does not COPY {needed} and {folder}";
            }
        }

        if (closure.Intersect(NeedsGtk).Any() && !file.Final.Args("RUN").Any(r => r.Contains("libgtk-3-0", StringComparison.Ordinal)))
        {
            yield return "final stage does not install libgtk-3-0, which OpenCV's native library links";
        }

        var builds = file.Stages.Select(s => s.Name).OfType<string>().ToHashSet();
        foreach (var from in file.Final.Args("COPY").Where(a => a.StartsWith("--from=", StringComparison.Ordinal)))
        {
            var stage = from["--from=".Length..].Split(' ')[0];
            if (!builds.Contains(stage))
            {
                yield return $"COPY {from}: no stage named {stage}";
            }
        }
    }

    /// <summary>The patterns of the repository's .dockerignore, comments dropped.</summary>
    public static IReadOnlyCollection<string> LoadDockerIgnore(string root) => File.ReadAllLines(Path.Combine(root, ".dockerignore"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToHashSet();
}
