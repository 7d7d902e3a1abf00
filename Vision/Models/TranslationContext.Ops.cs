using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>The op translations.</summary>
internal sealed partial class TranslationContext
{
    private void Translate(TfjsNode node)
    {
        if (TryFold(node))
        {
            return;
        }

        var x = node.Inputs.Count > 0 ? node.Inputs[0] : "";
        if (HardSwishInput(node) is { } swished)
        {
            Produce(node, EmitHardSwish(node), Stride(swished));
            return;
        }

        switch (node.Op)
        {
            case "Identity":
                Produce(node, Builder.Node("Identity", [Value(x)], [Out(node)]), Stride(x));
                break;
            case "Add" or "AddV2" or "Mul" or "Sub":
                var op = node.Op switch { "Mul" => "Mul", "Sub" => "Sub", _ => "Add" };
                var spatial = node.Inputs.FirstOrDefault(i => !_constants.ContainsKey(i)) ?? x;
                Produce(node, Builder.Node(op, [Value(node.Inputs[0]), Value(node.Inputs[1])], [Out(node)]), Stride(spatial));
                break;
            case "LeakyRelu":
                Produce(node, Builder.Node("LeakyRelu", [Value(x)], [Out(node)], ("alpha", node.Float("alpha") ?? 0.2f)), Stride(x));
                break;
            case "Relu":
                Produce(node, Builder.Node("Relu", [Value(x)], [Out(node)]), Stride(x));
                break;
            case "Relu6":
                Produce(node, Relu6(Value(x), Out(node)), Stride(x));
                break;
            case "Sigmoid":
                Produce(node, Builder.Node("Sigmoid", [Value(x)], [Out(node)]), Stride(x));
                break;
            case "Transpose":
                Produce(node, Builder.Node("Transpose", [Value(x)], [Out(node)], ("perm", RequireConstant(node, 1).Ints)), Stride(x));
                break;
            case "Pad" or "PadV2":
                Pad(node);
                break;
            case "ConcatV2":
                Concat(node);
                break;
            case "SplitV":
                Split(node);
                break;
            case "Reshape":
                Reshape(node);
                break;
            case "Mean":
                var axes = RequireConstant(node, 1).Ints;
                Produce(node, Builder.Node("ReduceMean", [Value(x)], [Out(node)], ("axes", axes), ("keepdims", node.Flag("keep_dims") ? 1L : 0L)), Stride(x));
                break;
            case "Conv2D" or "_FusedConv2D" or "DepthwiseConv2dNative" or "FusedDepthwiseConv2dNative":
                Convolution(node);
                break;
            case "MaxPool":
                MaxPool(node);
                break;
            case "ResizeBilinear":
                ResizeBilinear(node);
                break;
            default:
                throw new NotSupportedException($"op {node.Op} ({node.Name}) is not translated");
        }
    }

    private string Relu6(string input, string output) =>
        Builder.Node("Clip", [input, EmitConstant(Temp("zero"), TfjsTensor.Of([], [0f])), EmitConstant(Temp("six"), TfjsTensor.Of([], [6f]))], [output]);

    private void Pad(TfjsNode node)
    {
        var x = node.Inputs[0];
        var paddings = RequireConstant(node, 1).Ints; // [rank, 2]: before and after per axis
        var rank = paddings.Length / 2;
        var pads = new long[2 * rank];
        for (var axis = 0; axis < rank; axis++)
        {
            pads[axis] = paddings[2 * axis];
            pads[rank + axis] = paddings[(2 * axis) + 1];
        }

        var value = node.Op == "PadV2" ? RequireConstant(node, 2).Floats![0] : 0f;
        var padValue = EmitConstant(Temp("pad_value"), TfjsTensor.Of([], [value]));
        Produce(node, Builder.Node("Pad", [Value(x), Int64("pads", pads), padValue], [Out(node)], ("mode", "constant")), Stride(x));
    }

    private void Concat(TfjsNode node)
    {
        var count = (int)(node.Int("N") ?? node.Inputs.Count - 1);
        var axis = RequireConstant(node, count).Ints[0];
        var inputs = node.Inputs.Take(count).ToList();
        var spatial = inputs.FirstOrDefault(i => !_constants.ContainsKey(i)) ?? inputs[0];
        Produce(node, Builder.Node("Concat", inputs.Select(Value).ToList(), [Out(node)], ("axis", axis)), Stride(spatial));
    }

    private void Split(TfjsNode node)
    {
        var x = node.Inputs[0];
        var sizes = RequireConstant(node, 1).Ints;
        var axis = RequireConstant(node, 2).Ints[0];
        var outputs = Enumerable.Range(0, sizes.Length).Select(i => $"v:{node.Name}:{i}").ToList();
        Builder.Node("Split", [Value(x), Int64("split", sizes)], outputs, ("axis", axis));
        for (var i = 0; i < outputs.Count; i++)
        {
            Produce(node, outputs[i], Stride(x), i);
        }
    }

    private void Reshape(TfjsNode node)
    {
        var x = node.Inputs[0];
        var shape = RequireConstant(node, 1).Ints.ToArray();
        if (_flexible)
        {
            // A flattened feature map's length depends on the picture's size: let ONNX compute it.
            var flattened = (long)(NativeHeight / Stride(x)) * (NativeWidth / Stride(x));
            var at = Array.IndexOf(shape, flattened);
            if (at >= 0 && Stride(x) > 1)
            {
                shape[at] = -1;
            }
        }

        Produce(node, Builder.Node("Reshape", [Value(x), Int64("shape", shape)], [Out(node)]), Stride(x));
    }

    private int NativeWidth => _inputIsNchw ? _inputShape[3] : _inputShape[2];

    private static void RequireNhwc(TfjsNode node)
    {
        var format = node.Text("data_format") ?? "NHWC";
        if (format != "NHWC")
        {
            throw new NotSupportedException($"{node.Op} {node.Name}: data_format {format} is not translated");
        }
    }

    private (long[] Strides, long[] Dilations, OnnxFormat.OnnxAttribute Padding) Window(TfjsNode node)
    {
        RequireNhwc(node);
        var strides = node.IntList("strides") ?? [1, 1, 1, 1];
        var dilations = node.IntList("dilations") ?? [1, 1, 1, 1];
        OnnxFormat.OnnxAttribute padding = node.Text("padding") switch
        {
            "VALID" => ("auto_pad", "VALID"),
            "SAME" => ("auto_pad", "SAME_UPPER"), // TensorFlow puts the odd extra pixel after
            var other => throw new NotSupportedException($"{node.Op} {node.Name}: padding {other} is not translated"),
        };
        return ([strides[1], strides[2]], [dilations[1], dilations[2]], padding);
    }

    private void Convolution(TfjsNode node)
    {
        var x = node.Inputs[0];
        var (strides, dilations, padding) = Window(node);
        var filter = RequireConstant(node, 1); // HWIO, or HW C multiplier for depthwise
        var depthwise = node.Op.Contains("Depthwise", StringComparison.Ordinal);
        var (h, w, i, o) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        var outputs = depthwise ? i * o : o;
        var weights = new float[outputs * (depthwise ? 1 : i) * h * w];
        var source = filter.Floats!;
        var inputScale = _inputScales.GetValueOrDefault(node.Name, 1f);
        for (var ky = 0; ky < h; ky++)
        {
            for (var kx = 0; kx < w; kx++)
            {
                for (var ci = 0; ci < i; ci++)
                {
                    for (var co = 0; co < o; co++)
                    {
                        var value = source[(((((ky * w) + kx) * i) + ci) * o) + co] * inputScale;
                        // ONNX weights are [out, in/group, kh, kw]; a depthwise output channel is ci·multiplier + co.
                        var target = depthwise
                            ? (((((ci * o) + co) * h) + ky) * w) + kx
                            : (((((co * i) + ci) * h) + ky) * w) + kx;
                        weights[target] = value;
                    }
                }
            }
        }

        var (keptWeights, keptOutputs) = KeptChannels(node, weights, outputs);
        var inputs = new List<string>
        {
            Transposed(Value(x), ToNchw),
            EmitConstant("w:" + node.Name, TfjsTensor.Of([keptOutputs, depthwise ? 1 : i, h, w], keptWeights)),
        };
        var fused = node.TextList("fused_ops");
        var activations = fused.SkipWhile(f => f == "BiasAdd").ToList();
        if (fused.Count > 0 && fused[0] == "BiasAdd")
        {
            inputs.Add(keptOutputs == outputs
                ? Value(node.Inputs[2])
                : EmitConstant("b:" + node.Name, TfjsTensor.Of([keptOutputs], KeptChannels(node, RequireConstant(node, 2).Floats!, outputs).Values)));
        }
        else if (fused.Count > 0)
        {
            throw new NotSupportedException($"{node.Op} {node.Name}: fused ops {string.Join(",", fused)} are not translated");
        }

        var conv = Builder.Node(
            "Conv",
            inputs,
            [Temp(node.Name)],
            ("strides", strides),
            ("dilations", dilations),
            ("group", depthwise ? (long)i : 1L),
            ("kernel_shape", new long[] { h, w }),
            padding);
        foreach (var activation in activations)
        {
            conv = activation switch
            {
                "Relu" => Builder.Node("Relu", [conv], [Temp(node.Name)]),
                "Relu6" => Relu6(conv, Temp(node.Name)),
                "LeakyRelu" => Builder.Node("LeakyRelu", [conv], [Temp(node.Name)], ("alpha", node.Float("leakyrelu_alpha") ?? 0.2f)),
                _ => throw new NotSupportedException($"{node.Op} {node.Name}: fused activation {activation} is not translated"),
            };
        }

        Produce(node, Transposed(conv, ToNhwc, Out(node)), Stride(x) * (int)strides[0]);
    }

    private void MaxPool(TfjsNode node)
    {
        var x = node.Inputs[0];
        var (strides, _, padding) = Window(node);
        var kernel = node.IntList("ksize")!;
        var pooled = Builder.Node("MaxPool", [Transposed(Value(x), ToNchw)], [Temp(node.Name)], ("kernel_shape", new[] { kernel[1], kernel[2] }), ("strides", strides), padding);
        Produce(node, Transposed(pooled, ToNhwc, Out(node)), Stride(x) * (int)strides[0]);
    }

    private void ResizeBilinear(TfjsNode node)
    {
        var x = node.Inputs[0];
        var size = RequireConstant(node, 1).Ints;
        // The target as a stride of the network input, so the same factor holds at any input size.
        var targetStride = NativeHeight / (int)size[0];
        var factor = Stride(x) / (float)targetStride;
        var mode = node.Flag("align_corners") ? "align_corners" : node.Flag("half_pixel_centers") ? "half_pixel" : "asymmetric";
        var scales = EmitConstant(Temp("scales"), TfjsTensor.Of([4], [1f, 1f, factor, factor]));
        var roi = EmitConstant(Temp("roi"), TfjsTensor.Of([0], Array.Empty<float>()));
        var resized = Builder.Node(
            "Resize",
            [Transposed(Value(x), ToNchw), roi, scales],
            [Temp(node.Name)],
            ("mode", "linear"),
            ("coordinate_transformation_mode", mode));
        Produce(node, Transposed(resized, ToNhwc, Out(node)), targetStride);
    }

    // Internal values get a prefix so they never collide with the graph's output names (TF.js outputs are node names).
    private static string Out(TfjsNode node) => "v:" + node.Name;

    private string Transposed(string input, long[] perm, string? output = null) =>
        Builder.Node("Transpose", [input], [output ?? Temp(input)], ("perm", perm));
}
