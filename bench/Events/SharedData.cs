namespace VibeCheck.Events.Bench;

/// <summary>Where the benchmarks that run a silo find the shared data: <c>VIBECHECK_DATA</c>, or beside the repository.</summary>
public static class SharedData
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("VIBECHECK_DATA") ?? Path.Combine(RepositoryRoot(), "..", "shared", "data");

    /// <summary><c>dotnet run --project</c> starts in the project's folder: the data sits beside the repository root.</summary>
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(Environment.CurrentDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "VibeCheck.Orleans.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Environment.CurrentDirectory;
    }
}
