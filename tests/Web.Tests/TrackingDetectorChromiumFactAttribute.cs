using VibeCheck.Integration.Tests.Vision;

namespace VibeCheck.Web.Tests;

/// <summary>
/// A browser fact over the production (COCO, tracking) detector on real frames: needs Debian's chromium, the real
/// frames (../shared/data) and the model files (scripts/fetch-models.sh); skipped with the reason when one is missing.
/// </summary>
public sealed class TrackingDetectorChromiumFactAttribute : FactAttribute
{
    public TrackingDetectorChromiumFactAttribute()
    {
        Skip = new ChromiumFactAttribute().Skip ?? new RealFramesAndModelsFactAttribute().Skip;
    }
}
