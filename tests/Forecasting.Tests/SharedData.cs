namespace VibeCheck.Forecasting.Tests;

/// <summary>
/// Locates the read-only shared data (env VIBECHECK_DATA, else ../shared/data beside the repository root).
/// Tests that need it use <see cref="SharedDataFactAttribute"/> and are skipped, visibly, when it is absent.
/// </summary>
internal static class SharedData
{
    public static string? Root => VibeCheck.TestSupport.SharedData.Root;

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("shared data not found"), .. parts]);
}

/// <summary>A fact that needs ../shared/data (or VIBECHECK_DATA); skipped with the reason when the data is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "Shared reference data not found: set VIBECHECK_DATA or provide ../shared/data beside the repository.";
        }
    }
}
