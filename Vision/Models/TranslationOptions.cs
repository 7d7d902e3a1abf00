namespace VibeCheck.Vision.Models;

/// <summary>How a TF.js graph is written as ONNX.</summary>
public sealed record TranslationOptions
{
    /// <summary>
    /// The image input's height and width are symbolic, so one model runs at any size whose sides are multiples of
    /// the network's largest stride: upsampling uses scale factors instead of fixed sizes, and reshapes that flatten a
    /// feature map use -1.
    /// </summary>
    public bool FlexibleInput { get; init; }

    /// <summary>
    /// The ONNX input is NCHW even where the graph's is NHWC. The graph's first convolution wants NCHW anyway, so the
    /// transpose the NHWC input needed disappears (ONNX Runtime cancels the pair) and the caller fills planes.
    /// </summary>
    public bool ChannelsFirstInput { get; init; }

    /// <summary>
    /// Per graph output, the channels kept, in order. The output must be a convolution's, possibly through
    /// Sigmoid or Identity: the convolution then computes only those channels. A detector that reports six of
    /// COCO's 80 classes thus skips 74 heat-map channels, its most expensive layer, and the result for the kept
    /// channels is unchanged.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> OutputChannels { get; init; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>A stable text of these options, part of a cached translation's key.</summary>
    public string Key() =>
        $"{(FlexibleInput ? "flexible" : "fixed")}|{(ChannelsFirstInput ? "nchw" : "graph-layout")}|"
        + string.Join(";", OutputChannels.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={string.Join(",", o.Value)}"));
}
