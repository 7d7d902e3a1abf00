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

    /// <summary>Detections scoring below this are dropped before NMS.</summary>
    public double ScoreThreshold { get; init; } = 0.25;

    /// <summary>Boxes of one class overlapping more than this are suppressed.</summary>
    public double NmsIoUThreshold { get; init; } = 0.5;

    /// <summary>
    /// A vehicle box overlapping a better-scoring vehicle box of another class by more than this is the same vehicle
    /// seen as two classes (car and truck); only the better one is kept.
    /// </summary>
    public double VehicleOverlapIoU { get; init; } = 0.6;

    /// <summary>At most this many detections per call.</summary>
    public int MaxDetections { get; init; } = 100;

    /// <summary>Frame width that fills the model's native input side (NYC DOT frames are 352 pixels wide).</summary>
    public int ReferenceFrameWidth { get; init; } = 352;

    /// <summary>ONNX Runtime threads per inference; 1 lets the grains spread cameras over the cores.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>COCO classes reported: road users.</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["person", "bicycle", "car", "motorcycle", "bus", "truck"];
}
