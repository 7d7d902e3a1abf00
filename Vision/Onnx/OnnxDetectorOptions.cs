namespace VibeCheck.Vision.Onnx;

/// <summary>How the detector reads a YOLO export's output tensor.</summary>
public enum YoloOutputLayout
{
    /// <summary>Guess from the shape and the number of class names (the default).</summary>
    Auto,

    /// <summary>YOLOv8/v11 style: [1, 4 + classes, N], boxes cx,cy,w,h then class scores, no objectness.</summary>
    AttributesFirst,

    /// <summary>YOLOv5/v7 style: [1, N, 5 + classes], boxes cx,cy,w,h, objectness, class scores.</summary>
    BoxesFirstWithObjectness,

    /// <summary>[1, N, 4 + classes], YOLOv8 output transposed, no objectness.</summary>
    BoxesFirst,
}

/// <summary>Settings of the ONNX Runtime detector for YOLO-family exports (COCO by default).</summary>
public sealed record OnnxDetectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Onnx";

    /// <summary>Path of the .onnx file; the detector is used only when this is set and the file loads.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Network input side when the model's input shape is dynamic; fixed shapes in the model win.</summary>
    public int InputSize { get; init; } = 640;

    /// <summary>Detections scoring below this are dropped before NMS.</summary>
    public double ScoreThreshold { get; init; } = 0.25;

    /// <summary>Boxes of the same class overlapping more than this IoU are suppressed.</summary>
    public double NmsIoUThreshold { get; init; } = 0.45;

    /// <summary>At most this many detections per frame after NMS.</summary>
    public int MaxDetections { get; init; } = 100;

    /// <summary>Output layout; <see cref="YoloOutputLayout.Auto"/> guesses it.</summary>
    public YoloOutputLayout Layout { get; init; } = YoloOutputLayout.Auto;

    /// <summary>The labels reported when <see cref="KeepLabels"/> is not set: road users.</summary>
    public static IReadOnlyList<string> TrafficLabels { get; } = ["person", "bicycle", "car", "motorcycle", "bus", "truck"];

    // Lists default to null rather than to a filled list: the configuration binder appends configured items to an
    // existing list, which would shift class indexes and make the default labels impossible to remove.

    /// <summary>Class names in model order; null means COCO-80 (<see cref="CocoClasses.Names"/>).</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Labels reported, others dropped; null means <see cref="TrafficLabels"/>, empty keeps every class.</summary>
    public IReadOnlyList<string>? KeepLabels { get; init; }

    /// <summary><see cref="ClassNames"/> or COCO-80.</summary>
    public IReadOnlyList<string> EffectiveClassNames => ClassNames ?? CocoClasses.Names;

    /// <summary><see cref="KeepLabels"/> or <see cref="TrafficLabels"/>.</summary>
    public IReadOnlyList<string> EffectiveKeepLabels => KeepLabels ?? TrafficLabels;

    /// <summary>Rows of the burned-in clock excluded from the frame statistics.</summary>
    public int ClockBandRows { get; init; } = 20;

    /// <summary>ONNX Runtime intra-op threads per inference; 1 lets the grains spread cameras over cores.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (InputSize is < 32 or > 2048) errors.Add("InputSize must be 32..2048.");
        if (ScoreThreshold is < 0 or > 1) errors.Add("ScoreThreshold must be in [0, 1].");
        if (NmsIoUThreshold is <= 0 or > 1) errors.Add("NmsIoUThreshold must be in (0, 1].");
        if (MaxDetections < 1) errors.Add("MaxDetections must be at least 1.");
        if (ClassNames is { Count: 0 }) errors.Add("ClassNames must not be empty (leave it unset for COCO).");
        if (IntraOpThreads < 0) errors.Add("IntraOpThreads must be 0 (ONNX Runtime default) or more.");
        return errors;
    }
}
