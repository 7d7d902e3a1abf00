namespace VibeCheck.Vision.Coco;

/// <summary>What the runtime needs to know of one model: its files, outputs, input layout and scale.</summary>
/// <param name="Kind">Which model.</param>
/// <param name="GraphFile">The TF.js graph's file name in the package's <c>models/</c> folder.</param>
/// <param name="WeightsFile">Its weight shard.</param>
/// <param name="Outputs">The graph outputs translated, in the order the decoder reads them.</param>
/// <param name="NativeSide">The square input side the graph was exported for.</param>
/// <param name="Alignment">Input sides must be multiples of this (the largest stride).</param>
/// <param name="ClassOutput">
/// The output holding one channel per COCO class, computed by a convolution, so a translation can keep only the
/// classes reported; null when the classes cannot be separated that way.
/// </param>
public sealed record CocoModelSpec(CocoModelKind Kind, string GraphFile, string WeightsFile, IReadOnlyList<string> Outputs, int NativeSide, int Alignment, string? ClassOutput)
{
    /// <summary>NanoDet: class scores then box distributions for strides 8, 16 and 32.</summary>
    public static CocoModelSpec NanoDet { get; } = new(
        CocoModelKind.NanoDet, "nanodet.json", "nanodet.bin", ["Identity", "Identity_3", "Identity_1", "Identity_4", "Identity_2", "Identity_5"], 416, 32, null);

    /// <summary>CenterNet: the class heat map and the box sides; its own top-k decoding stays in C#.</summary>
    public static CocoModelSpec CenterNet { get; } = new(
        CocoModelKind.CenterNet, "centernet.json", "centernet.bin", ["tower_0/keypoints", "tower_0/wh"], 512, 32, "tower_0/keypoints");

    /// <summary>The spec of <paramref name="kind"/>.</summary>
    public static CocoModelSpec For(CocoModelKind kind) => kind == CocoModelKind.NanoDet ? NanoDet : CenterNet;

    /// <summary>
    /// True when the original graph's input is NCHW (NanoDet), false for NHWC (CenterNet). The translations take
    /// NCHW either way (<see cref="Models.TranslationOptions.ChannelsFirstInput"/>).
    /// </summary>
    public bool GraphInputIsChannelsFirst => Kind == CocoModelKind.NanoDet;
}
