namespace VibeCheck.Vision.Bench;

/// <summary>Where the shared real frames are: $VIBECHECK_DATA, else ../shared/data beside the repository root.</summary>
internal static class DataPaths
{
    public static string Root()
    {
        var fromEnv = Environment.GetEnvironmentVariable("VIBECHECK_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VibeCheck.Orleans.sln")))
        {
            dir = dir.Parent;
        }

        var repo = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
    }

    public static string Frames(params string[] parts) => Path.Combine([Root(), "nyc-dot-frames", .. parts]);
}
