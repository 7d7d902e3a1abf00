namespace VibeCheck.Vision.Coco;

/// <summary>A model translated to ONNX, with the SHA-256 of the ONNX bytes recorded as evidence.</summary>
/// <param name="Spec">Which model.</param>
/// <param name="Onnx">The ONNX model; its input is NCHW.</param>
/// <param name="OnnxSha256">SHA-256 of <paramref name="Onnx"/>.</param>
/// <param name="Classes">
/// The COCO class id of each channel of <see cref="CocoModelSpec.ClassOutput"/> when the translation kept only some
/// classes; null when it has all 80 in COCO's order.
/// </param>
public sealed record TranslatedModel(CocoModelSpec Spec, byte[] Onnx, string OnnxSha256, IReadOnlyList<int>? Classes)
{
    /// <summary>The class id of each class channel.</summary>
    public IReadOnlyList<int> ChannelClasses => Classes ?? Enumerable.Range(0, VibeCheck.Vision.Onnx.CocoClasses.Names.Count).ToList();

    /// <summary>The detector version recorded with every analysis: package version and the ONNX file's hash.</summary>
    public string Version => $"{CocoModelStore.PackageVersion}+{OnnxSha256[..12]}";
}
