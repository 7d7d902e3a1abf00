using VibeCheck.Vision.Models.OnnxFormat;

namespace VibeCheck.Vision.Tests;

/// <summary>
/// A minimal ONNX model: a float image input [1, 3, H, W] and one output produced by Identity from a constant
/// initializer, so the model "detects" the same known boxes for every picture. Enough to drive the real ONNX Runtime
/// through the whole detector path. Written with the translator's own <see cref="OnnxModelBuilder"/>.
/// </summary>
internal static class TinyOnnxModel
{
    public static byte[] Build(int inputWidth, int inputHeight, long[] outputShape, float[] outputValues)
    {
        var model = new OnnxModelBuilder("tiny_yolo", opset: 13);
        model.Input("images", [1, 3, inputHeight, inputWidth]);
        var values = model.Initializer("fixed_output", outputShape.Select(d => (int)d).ToArray(), outputValues);
        model.Node("Identity", [values], ["output0"]);
        model.Output("output0");
        return model.Build("VibeCheck.Vision.Tests");
    }
}
