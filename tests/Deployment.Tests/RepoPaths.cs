namespace VibeCheck.Deployment.Tests;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class RepoPaths
{
    public const string SolutionFile = "VibeCheck.Orleans.sln";

    /// <summary>The folder holding <see cref="SolutionFile"/>, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {start}.");
    }
}
