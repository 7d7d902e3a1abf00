using VibeCheck.Vision.Coco;

namespace VibeCheck.Vision.Bench;

/// <summary>The silo's detector as the silo builds it (same defaults, same model files), or a variant of it.</summary>
internal static class ProductionDetector
{
    /// <summary>The COCO analyser; throws when the model files are not installed (run scripts/fetch-models.sh).</summary>
    public static CocoFrameAnalyzer Create(CocoModelKind? model = null, bool? cascade = null, int? referenceFrameWidth = null, bool allClasses = false)
    {
        var defaults = new FrameAnalyzerOptions();
        var detector = defaults.Coco with
        {
            Model = model ?? defaults.Coco.Model,
            ReferenceFrameWidth = referenceFrameWidth ?? defaults.Coco.ReferenceFrameWidth,
        };
        var translated = CocoModelStore.Load(detector.ModelDirectory ?? CocoModelStore.DefaultDirectory(), CocoModelSpec.For(detector.Model), allClasses ? null : detector.EffectiveClassIds);
        var cascadeOptions = defaults.Cascade with { Enabled = cascade ?? defaults.Cascade.Enabled };
        return new CocoFrameAnalyzer(translated, detector, cascadeOptions, defaults.Tracking);
    }
}
