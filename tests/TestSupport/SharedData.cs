namespace VibeCheck.TestSupport;

/// <summary>
/// Where the repository and the read-only shared data are: the data at $VIBECHECK_DATA, else ../shared/data beside
/// the repository root (the folder holding VibeCheck.Orleans.sln above the test binaries). Compiled into the test
/// projects that read it (linked, so they need no reference to this library's servers).
/// </summary>
public static class SharedData
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot { get; } = FindRepository();

    /// <summary>The shared data folder, or null when it is not there.</summary>
    public static string? Root { get; } = Locate();

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VibeCheck.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("VIBECHECK_DATA") is { Length: > 0 } env)
        {
            return Directory.Exists(env) ? env : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
