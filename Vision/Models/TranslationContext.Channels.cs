using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>Output channel selection (<see cref="TranslationOptions.OutputChannels"/>): the convolution computes only those.</summary>
internal sealed partial class TranslationContext
{
    private readonly Dictionary<string, IReadOnlyList<int>> _keptChannels = new(StringComparer.Ordinal);

    /// <summary>
    /// The convolution behind a graph output, through channel-wise ops only (Identity, Sigmoid), each read by
    /// nothing else: otherwise dropping channels there would change what something else computes.
    /// </summary>
    private string OutputConvolution(string output)
    {
        var node = _nodes.GetValueOrDefault(NodeName(output)) ?? throw new ArgumentException($"graph has no output {output}");
        while (node.Op is "Identity" or "Sigmoid")
        {
            var producer = NodeName(node.Inputs[0]);
            if (_consumers.GetValueOrDefault(producer) is not [_])
            {
                throw new NotSupportedException($"channels of {output} cannot be selected: {producer} has other readers");
            }

            node = _nodes[producer];
        }

        return node.Op is "Conv2D" or "_FusedConv2D"
            ? node.Name
            : throw new NotSupportedException($"channels of {output} cannot be selected: it comes from {node.Op} {node.Name}, not a convolution");
    }

    /// <summary>The rows of ONNX weights [out, in, kh, kw] (or a bias) for the kept channels of <paramref name="node"/>, or all.</summary>
    private (float[] Values, int Outputs) KeptChannels(TfjsNode node, float[] values, int outputs)
    {
        if (!_keptChannels.TryGetValue(node.Name, out var channels))
        {
            return (values, outputs);
        }

        var perChannel = values.Length / outputs;
        var kept = new float[channels.Count * perChannel];
        for (var k = 0; k < channels.Count; k++)
        {
            var channel = channels[k] is var c && c >= 0 && c < outputs ? c : throw new ArgumentOutOfRangeException(nameof(node), $"{node.Name} has no channel {channels[k]}");
            Array.Copy(values, channel * perChannel, kept, k * perChannel, perChannel);
        }

        return (kept, channels.Count);
    }
}
