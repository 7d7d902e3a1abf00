using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>
/// Translates a TensorFlow.js graph model into an ONNX model that ONNX Runtime runs, op by op, keeping TensorFlow's
/// tensor layouts: an NHWC op (Conv2D, MaxPool, ResizeBilinear, ...) becomes Transpose → NCHW op → Transpose, and
/// ONNX Runtime's transpose optimizer removes the pairs that meet. Constants are folded where TF.js graphs compute
/// shapes from constants (SparseToDense, AddV2 of constants). Only the nodes the requested outputs need are written.
/// </summary>
public static class TfjsToOnnxTranslator
{
    /// <summary>The ONNX opset written.</summary>
    public const int Opset = 14;

    /// <summary>Translates <paramref name="model"/>'s <paramref name="outputs"/> as <paramref name="options"/> say.</summary>
    public static byte[] Translate(TfjsGraphModel model, IReadOnlyList<string> outputs, TranslationOptions options)
    {
        var context = new TranslationContext(model, options);
        foreach (var output in outputs)
        {
            context.Require(output);
        }

        foreach (var output in outputs)
        {
            var value = context.Value(output);
            context.Builder.Node("Identity", [value], [output]);
            context.Builder.Output(output);
        }

        return context.Builder.Build("VibeCheck.Vision TF.js translator");
    }
}
