namespace VibeCheck.Vision.Coco;

/// <summary>Settings of the COCO detector, bound from <c>Vision:Coco</c>.</summary>
public sealed record CocoDetectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Coco";

    /// <summary>Which model runs.</summary>
    public CocoModelKind Model { get; init; } = CocoModelKind.CenterNet;

    /// <summary>
    /// Folder holding the package's four model files; null means <c>$VIBECHECK_MODELS/human-models-3.0.4</c> or
    /// <c>~/.cache/vibecheck/models/human-models-3.0.4</c>, where <c>scripts/fetch-models.sh</c> puts them.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>
    /// Detections scoring below this are dropped before NMS; null takes the model's own, chosen on curbwatch-cpw86
    /// (BENCHMARKS.md): 0.25 for CenterNet, 0.35 for NanoDet, whose scores run higher.
    /// </summary>
    public double? ScoreThreshold { get; init; }

    /// <summary><see cref="ScoreThreshold"/> or the model's own.</summary>
    public double EffectiveScoreThreshold => ScoreThreshold ?? (Model == CocoModelKind.NanoDet ? 0.35 : 0.25);

    /// <summary>Boxes of one class overlapping more than this are suppressed.</summary>
    public double NmsIoUThreshold { get; init; } = 0.5;

    /// <summary>
    /// A vehicle box overlapping a better-scoring vehicle box of another class by more than this is the same vehicle
    /// seen as two classes (car and truck); only the better one is kept.
    /// </summary>
    public double VehicleOverlapIoU { get; init; } = 0.6;

    /// <summary>At most this many detections per call.</summary>
    public int MaxDetections { get; init; } = 100;

    /// <summary>
    /// Frame width that would fill the model's native input side: frames are scaled by native side / this. 448 puts a
    /// 352×240 NYC frame into a 416×288 CenterNet input (67 % of the native 512×352 pixels), chosen by measurement:
    /// on curbwatch-cpw86 it matches the native scale's recall with better precision (BENCHMARKS.md).
    /// </summary>
    public int ReferenceFrameWidth { get; init; } = 448;

    /// <summary>ONNX Runtime threads per inference; 1 lets the grains spread cameras over the cores.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// COCO classes reported; null means road users (<see cref="Onnx.OnnxDetectorOptions.TrafficLabels"/>). Null
    /// rather than a filled list: the configuration binder appends configured items to an existing list, so a filled
    /// default could never be narrowed.
    /// </summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary><see cref="Labels"/> or the road users.</summary>
    public IReadOnlyList<string> EffectiveLabels => Labels ?? Onnx.OnnxDetectorOptions.TrafficLabels;

    /// <summary>COCO class ids of <see cref="EffectiveLabels"/>: the classes a translation needs to compute.</summary>
    public IReadOnlyList<int> EffectiveClassIds => EffectiveLabels.Select(l => Onnx.CocoClasses.Names.ToList().IndexOf(l)).Where(i => i >= 0).ToList();

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ScoreThreshold is < 0 or > 1) errors.Add("ScoreThreshold must be in [0, 1].");
        if (NmsIoUThreshold is <= 0 or > 1) errors.Add("NmsIoUThreshold must be in (0, 1].");
        if (VehicleOverlapIoU is <= 0 or > 1) errors.Add("VehicleOverlapIoU must be in (0, 1].");
        if (MaxDetections < 1) errors.Add("MaxDetections must be at least 1.");
        if (ReferenceFrameWidth is < 32 or > 4096) errors.Add("ReferenceFrameWidth must be 32..4096.");
        if (IntraOpThreads < 0) errors.Add("IntraOpThreads must be 0 (ONNX Runtime default) or more.");
        if (Labels is { } labels && (labels.Count == 0 || labels.Any(l => !Onnx.CocoClasses.Names.Contains(l)))) errors.Add("Labels must be COCO class names.");
        return errors;
    }
}
