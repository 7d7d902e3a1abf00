using System.Globalization;
using VibeCheck.Vision.Models.OnnxFormat;
using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>State of one translation: what each TF tensor became in ONNX, folded constants, spatial strides.</summary>
internal sealed partial class TranslationContext
{
    private static readonly long[] ToNchw = [0, 3, 1, 2];
    private static readonly long[] ToNhwc = [0, 2, 3, 1];

    private readonly bool _flexible;
    private readonly Dictionary<string, TfjsNode> _nodes;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TfjsTensor> _constants;
    private readonly Dictionary<string, int> _strides = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emittedConstants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TfjsNode>> _consumers;
    private readonly Dictionary<string, float> _inputScales = new(StringComparer.Ordinal);
    private readonly int[] _inputShape;
    private readonly bool _inputIsNchw;
    private int _temp;

    public TranslationContext(TfjsGraphModel model, TranslationOptions options)
    {
        _flexible = options.FlexibleInput;
        _nodes = model.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        _constants = new Dictionary<string, TfjsTensor>(model.Constants, StringComparer.Ordinal);
        _consumers = model.Nodes
            .SelectMany(n => n.Inputs.Select(i => (Producer: NodeName(i), Consumer: n)))
            .GroupBy(p => p.Producer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Consumer).Distinct().ToList(), StringComparer.Ordinal);
        Builder = new OnnxModelBuilder("tfjs", TfjsToOnnxTranslator.Opset);
        var input = _nodes[model.Inputs.Single()];
        _inputShape = input.Attributes["shape"].GetProperty("shape").GetProperty("dim").EnumerateArray()
            .Select(d => int.Parse(d.GetProperty("size").GetString()!, CultureInfo.InvariantCulture)).ToArray();
        _inputIsNchw = _inputShape[1] == 3;
        var symbols = new long?[_inputShape.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = _inputShape[i];
        }

        if (_flexible)
        {
            var (h, w) = _inputIsNchw ? (2, 3) : (1, 2);
            symbols[h] = null;
            symbols[w] = null;
        }

        _strides[input.Name] = 1;
        if (options.ChannelsFirstInput && !_inputIsNchw)
        {
            Builder.Input(input.Name, [symbols[0], symbols[3], symbols[1], symbols[2]], ["height", "width"]);
            _values[input.Name] = Transposed(input.Name, ToNhwc);
        }
        else
        {
            Builder.Input(input.Name, symbols, ["height", "width"]);
            _values[input.Name] = input.Name;
        }

        foreach (var (output, channels) in options.OutputChannels)
        {
            _keptChannels[OutputConvolution(output)] = channels;
        }
    }

    public OnnxModelBuilder Builder { get; }

    /// <summary>Input side at which the original graph was exported (height).</summary>
    private int NativeHeight => _inputIsNchw ? _inputShape[2] : _inputShape[1];

    /// <summary>The ONNX value of a TF tensor reference (<c>node</c> or <c>node:k</c>), translating on demand.</summary>
    public string Value(string reference)
    {
        if (_values.TryGetValue(reference, out var value))
        {
            return value;
        }

        if (_constants.TryGetValue(reference, out var constant))
        {
            return EmitConstant(reference, constant);
        }

        Require(NodeName(reference));
        return _values.TryGetValue(reference, out value)
            ? value
            : _constants.TryGetValue(reference, out constant)
                ? EmitConstant(reference, constant)
                : throw new InvalidOperationException($"tensor {reference} was not produced");
    }

    /// <summary>Translates the node behind <paramref name="name"/> and, first, everything it depends on.</summary>
    public void Require(string name)
    {
        // An explicit stack rather than recursion: detector graphs are hundreds of nodes deep.
        var stack = new Stack<(string Name, bool Expanded)>();
        stack.Push((name, false));
        while (stack.Count > 0)
        {
            var (current, expanded) = stack.Pop();
            if (_values.ContainsKey(current) || _constants.ContainsKey(current))
            {
                continue;
            }

            var node = _nodes.TryGetValue(current, out var n) ? n : throw new InvalidOperationException($"graph has no node {current}");
            if (!expanded)
            {
                stack.Push((current, true));
                foreach (var input in InputsNeeded(node))
                {
                    stack.Push((NodeName(input), false));
                }

                continue;
            }

            Translate(node);
        }
    }

    private static string NodeName(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon < 0 ? reference : reference[..colon];
    }

    private string Temp(string hint) => $"{hint}__t{_temp++}";

    private TfjsTensor? Constant(string reference) => _constants.GetValueOrDefault(reference);

    private TfjsTensor RequireConstant(TfjsNode node, int input) =>
        Constant(node.Inputs[input]) ?? throw new NotSupportedException($"{node.Op} {node.Name}: input {input} must be constant");

    private string EmitConstant(string name, TfjsTensor tensor)
    {
        var onnxName = "c:" + name;
        if (_emittedConstants.Add(onnxName))
        {
            if (tensor.Floats is { } floats)
            {
                Builder.Initializer(onnxName, tensor.Shape, floats);
            }
            else
            {
                Builder.Initializer(onnxName, tensor.Shape, tensor.Ints);
            }
        }

        return onnxName;
    }

    private string Int64(string hint, params long[] values) => EmitConstant(Temp(hint), TfjsTensor.Of([values.Length], values));

    private int Stride(string reference) =>
        _strides.TryGetValue(NodeName(reference), out var s) ? s : 1;

    private void Produce(TfjsNode node, string value, int stride, int index = 0)
    {
        _values[index == 0 ? node.Name : $"{node.Name}:{index}"] = value;
        if (index == 0)
        {
            _values.TryAdd(node.Name + ":0", value);
        }

        _strides[node.Name] = stride;
    }
}
