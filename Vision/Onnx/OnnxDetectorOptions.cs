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

    /// <summary>Class names in model order; COCO-80 by default.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = CocoClasses.Names;

    /// <summary>Labels reported; other classes are dropped. Empty keeps all.</summary>
    public IReadOnlyList<string> KeepLabels { get; init; } = ["person", "bicycle", "car", "motorcycle", "bus", "truck"];

    /// <summary>Rows of the burned-in clock excluded from the frame statistics.</summary>
    public int ClockBandRows { get; init; } = 20;

    /// <summary>ONNX Runtime intra-op threads per inference; 1 lets the grains spread cameras over cores.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
