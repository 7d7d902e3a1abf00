namespace VibeCheck.Vision.Onnx;

/// <summary>The 80 COCO class names in the order YOLO exports use.</summary>
public static class CocoClasses
{
    /// <summary>Class names by index.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
        "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
        "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
        "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle",
        "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange",
        "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch", "potted plant", "bed",
        "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard", "cell phone", "microwave", "oven",
        "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush",
    ];

    /// <summary>The COCO classes that are motor vehicles; a detector may call one vehicle any of them.</summary>
    public static IReadOnlySet<string> Vehicles { get; } = new HashSet<string>(StringComparer.Ordinal) { "car", "bus", "truck", "motorcycle" };
}
