namespace VibeCheck.Vision;

/// <summary>Which detector the cameras run (<c>Vision:Detector</c>).</summary>
public enum DetectorKind
{
    /// <summary>The pretrained COCO detector with the motion cascade and the tracker (the production default).</summary>
    Coco,

    /// <summary>The model-free motion detector: sees what moves only. The fallback when no model is installed.</summary>
    BackgroundSubtraction,
}
