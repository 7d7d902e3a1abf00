using VibeCheck.TestSupport;
using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Tests.Coco;

/// <summary>
/// The real NYC frames (../shared/data or VIBECHECK_DATA) and the installed model files (scripts/fetch-models.sh,
/// which scripts/test.sh runs). Tests needing them use <see cref="RealDetectorFactAttribute"/>.
/// </summary>
internal static class RealData
{
    public static string? DataRoot => SharedData.Root;

    public static string ModelDirectory { get; } = CocoModelStore.DefaultDirectory();

    public static bool ModelsInstalled => CocoModelStore.IsInstalled(ModelDirectory);

    public static string RepositoryRoot => SharedData.RepositoryRoot;

    public static string Frame(params string[] parts) => Path.Combine([DataRoot ?? throw new InvalidOperationException("shared data not found"), "nyc-dot-frames", .. parts]);

    /// <summary>Curbwatch frame <paramref name="index"/> (0..11), daylight, Central Park West @ 86 St.</summary>
    public static string Curbwatch(int index) => Frame("curbwatch-cpw86", "replay", "frames", $"{index:00}.jpg");

    /// <summary>A red-light-racer frame (Houston St @ Broadway; cand_000 is dusk, cand_002 rain).</summary>
    public static string RedLight(int candidate, string part, int index) => Frame("red-light-racer", "demo_set_1", $"cand_{candidate:000}", part, $"{index:000}.jpg");
}

/// <summary>A fact that needs the real frames and the installed model files; skipped, with the reason, without them.</summary>
public sealed class RealDetectorFactAttribute : FactAttribute
{
    public RealDetectorFactAttribute()
    {
        if (RealData.DataRoot is null)
        {
            Skip = "needs ../shared/data (or VIBECHECK_DATA)";
        }
        else if (!RealData.ModelsInstalled)
        {
            Skip = $"needs the model files in {RealData.ModelDirectory}: run scripts/fetch-models.sh (scripts/test.sh does)";
        }
    }
}

/// <summary>The theory form of <see cref="RealDetectorFactAttribute"/>.</summary>
public sealed class RealDetectorTheoryAttribute : TheoryAttribute
{
    public RealDetectorTheoryAttribute()
    {
        Skip = new RealDetectorFactAttribute().Skip;
    }
}
