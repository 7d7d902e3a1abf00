using System.Runtime.InteropServices;

namespace VibeCheck.Vision.Models.OnnxFormat;

/// <summary>
/// Builds an ONNX model (ModelProto, field numbers from onnx.proto) node by node: float and int64 initializers,
/// float inputs and outputs whose dimensions may be symbolic (a null dimension takes a name).
/// </summary>
public sealed class OnnxModelBuilder(string graphName, int opset)
{
    private const int FloatType = 1;  // TensorProto.DataType.FLOAT
    private const int Int64Type = 7;  // TensorProto.DataType.INT64

    private readonly ProtoWriter _graph = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _nodeCount;

    /// <summary>Number of nodes added so far.</summary>
    public int NodeCount => _nodeCount;

    /// <summary>Adds a node and returns the name of its first output.</summary>
    public string Node(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, $"n{_nodeCount++}_{opType}");
        node.String(4, opType);
        foreach (var attribute in attributes)
        {
            node.Message(5, Attribute(attribute));
        }

        _graph.Message(1, node);
        return outputs[0];
    }

    /// <summary>A float initializer; returns its name.</summary>
    public string Initializer(string name, IReadOnlyList<int> shape, float[] values) =>
        Initializer(name, shape, FloatType, MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>An int64 initializer (shapes, axes, pads); returns its name.</summary>
    public string Initializer(string name, IReadOnlyList<int> shape, long[] values) =>
        Initializer(name, shape, Int64Type, MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>A float graph input; null dimensions are symbolic, named by <paramref name="symbols"/>.</summary>
    public void Input(string name, IReadOnlyList<long?> shape, IReadOnlyList<string>? symbols = null) => _graph.Message(11, ValueInfo(name, shape, symbols));

    /// <summary>A float graph output of a shape ONNX Runtime infers.</summary>
    public void Output(string name) => _graph.Message(12, ValueInfo(name, null, null));

    /// <summary>The serialized model. Call once.</summary>
    public byte[] Build(string producer)
    {
        // Protobuf lets a message's fields come in any order, so the name can follow the nodes.
        _graph.String(2, graphName);
        var opsetImport = new ProtoWriter().String(1, "").Varint(2, opset);
        return new ProtoWriter()
            .Varint(1, 8)                 // ir_version
            .String(2, producer)          // producer_name
            .Message(7, _graph)           // graph
            .Message(8, opsetImport)
            .ToArray();
    }

    private string Initializer(string name, IReadOnlyList<int> shape, int dataType, ReadOnlySpan<byte> rawData)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"initializer {name} defined twice");
        }

        var tensor = new ProtoWriter();
        foreach (var d in shape)
        {
            tensor.Varint(1, d);                      // dims
        }

        tensor.Varint(2, dataType);                   // data_type
        tensor.String(8, name);                       // name
        tensor.Bytes(9, rawData);                     // raw_data, little-endian
        _graph.Message(5, tensor);                    // GraphProto.initializer
        return name;
    }

    private static ProtoWriter Attribute(OnnxAttribute attribute)
    {
        // AttributeProto: name 1, f 2, i 3, s 4, ints 8, type 20 (FLOAT 1, INT 2, STRING 3, INTS 7).
        var proto = new ProtoWriter().String(1, attribute.Name);
        if (attribute.Int is { } i)
        {
            proto.Varint(3, i).Varint(20, 2);
        }
        else if (attribute.Float is { } f)
        {
            proto.Float(2, f).Varint(20, 1);
        }
        else if (attribute.Text is { } s)
        {
            proto.String(4, s).Varint(20, 3);
        }
        else
        {
            foreach (var v in attribute.Ints ?? [])
            {
                proto.Varint(8, v);
            }

            proto.Varint(20, 7);
        }

        return proto;
    }

    private static ProtoWriter ValueInfo(string name, IReadOnlyList<long?>? shape, IReadOnlyList<string>? symbols)
    {
        var tensorType = new ProtoWriter().Varint(1, FloatType);
        if (shape is null)
        {
            return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
        }

        var dims = new ProtoWriter();
        var symbol = 0;
        foreach (var d in shape)
        {
            var dim = new ProtoWriter();
            if (d is { } value)
            {
                dim.Varint(1, value);                                  // dim_value
            }
            else
            {
                dim.String(2, symbols is { } named && symbol < named.Count ? named[symbol] : $"{name}_d{symbol}"); // dim_param
                symbol++;
            }

            dims.Message(1, dim);
        }

        tensorType.Message(2, dims);
        var type = new ProtoWriter().Message(1, tensorType);
        return new ProtoWriter().String(1, name).Message(2, type);
    }
}
