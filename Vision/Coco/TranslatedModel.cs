namespace VibeCheck.Vision.Coco;

/// <summary>A model translated to ONNX, with the SHA-256 of the ONNX bytes recorded as evidence.</summary>
public sealed record TranslatedModel(CocoModelSpec Spec, byte[] Onnx, string OnnxSha256)
{
    /// <summary>The detector version recorded with every analysis: package version and the ONNX file's hash.</summary>
    public string Version => $"{CocoModelStore.PackageVersion}+{OnnxSha256[..12]}";
}
