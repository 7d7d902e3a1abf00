using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>
/// Recognises TensorFlow's spelled-out hard-swish, <c>(x · c) · relu6(x + 3)</c> with c ≈ 1/6 (MobileNetV3), and writes
/// ONNX's HardSwish (which ONNX Runtime fuses into the convolution before it) in place of four elementwise passes.
/// HardSwish is <c>x/6 · relu6(x + 3)</c> exactly, so the graph's own c (1/6 rounded to float16) is kept as a factor
/// 6c: without it the rounding compounds over 15 blocks into pixels of box size.
/// </summary>
internal sealed partial class TranslationContext
{
    private IEnumerable<string> InputsNeeded(TfjsNode node) => HardSwishInput(node) is { } x ? [x] : node.Inputs;

    /// <summary>The x of a hard-swish ending at <paramref name="node"/>, or null when it is no hard-swish.</summary>
    private string? HardSwishInput(TfjsNode node) => HardSwish(node)?.X;

    /// <summary>
    /// Writes the fused form of a node <see cref="HardSwishInput"/> recognised. When only convolutions read it, the
    /// factor 6c goes into their weights (a convolution is linear in its input) and no multiplication is written.
    /// </summary>
    private string EmitHardSwish(TfjsNode node)
    {
        var (x, c) = HardSwish(node)!.Value;
        var consumers = _consumers.GetValueOrDefault(node.Name) ?? [];
        if (consumers.Count > 0 && consumers.All(n => IsConvolution(n) && n.Inputs[0] == node.Name && n.Inputs.Skip(1).All(i => i != node.Name)))
        {
            foreach (var consumer in consumers)
            {
                _inputScales[consumer.Name] = 6 * c;
            }

            return Builder.Node("HardSwish", [Value(x)], [Out(node)]);
        }

        var swish = Builder.Node("HardSwish", [Value(x)], [Temp(node.Name)]);
        return Builder.Node("Mul", [swish, EmitConstant(Temp("hard_swish_scale"), TfjsTensor.Of([], [6 * c]))], [Out(node)]);
    }

    private static bool IsConvolution(TfjsNode node) => node.Op is "Conv2D" or "_FusedConv2D" or "DepthwiseConv2dNative" or "FusedDepthwiseConv2dNative";

    private (string X, float C)? HardSwish(TfjsNode node)
    {
        if (node.Op != "Mul" || node.Inputs.Count != 2)
        {
            return null;
        }

        foreach (var (scaledRef, clippedRef) in new[] { (node.Inputs[0], node.Inputs[1]), (node.Inputs[1], node.Inputs[0]) })
        {
            if (_nodes.GetValueOrDefault(scaledRef) is not { Op: "Mul" } scaled
                || _nodes.GetValueOrDefault(clippedRef) is not { Op: "Relu6" } clipped
                || _nodes.GetValueOrDefault(clipped.Inputs[0]) is not { Op: "Add" or "AddV2" } shifted)
            {
                continue;
            }

            var x = OtherThanScalar(scaled, 1f / 6);
            if (x is not null && OtherThanScalar(shifted, 3f) == x)
            {
                return (x, Constant(scaled.Inputs[0])?.Floats?[0] ?? Constant(scaled.Inputs[1])!.Floats![0]);
            }
        }

        return null;
    }

    // The non-constant input of a binary op whose other input is the scalar constant `value`.
    private string? OtherThanScalar(TfjsNode node, float value)
    {
        for (var i = 0; i < 2; i++)
        {
            if (Constant(node.Inputs[i]) is { Floats: [var c] } && Math.Abs(c - value) < 1e-3f && Constant(node.Inputs[1 - i]) is null)
            {
                return node.Inputs[1 - i];
            }
        }

        return null;
    }
}
