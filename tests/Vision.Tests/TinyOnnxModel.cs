using System.Text;

namespace VibeCheck.Vision.Tests;

/// <summary>
/// Writes a minimal ONNX model in the protobuf wire format (field numbers from onnx.proto): a float image input
/// [1, 3, H, W] and one output produced by Identity from a constant initializer, so the model "detects" the same
/// known boxes for every picture. Enough to drive the real ONNX Runtime through the whole detector path.
/// </summary>
internal static class TinyOnnxModel
{
    private const int FloatType = 1; // TensorProto.DataType.FLOAT

    public static byte[] Build(int inputWidth, int inputHeight, long[] outputShape, float[] outputValues)
    {
        var tensor = new ProtoWriter();
        foreach (var d in outputShape)
        {
            tensor.Varint(1, (ulong)d);                     // dims
        }

        tensor.Varint(2, FloatType);                        // data_type
        tensor.String(8, "fixed_output");                   // name
        tensor.Bytes(9, outputValues.SelectMany(BitConverter.GetBytes).ToArray()); // raw_data (little-endian)

        var node = new ProtoWriter();
        node.String(1, "fixed_output");                     // input
        node.String(2, "output0");                          // output
        node.String(3, "emit");                             // name
        node.String(4, "Identity");                         // op_type

        var graph = new ProtoWriter();
        graph.Message(1, node);                             // node
        graph.String(2, "tiny_yolo");                       // name
        graph.Message(5, tensor);                           // initializer
        graph.Message(11, ValueInfo("images", [1, 3, inputHeight, inputWidth]));
        graph.Message(12, ValueInfo("output0", outputShape));

        var opset = new ProtoWriter();
        opset.String(1, "");                                // default domain
        opset.Varint(2, 13);                                // version

        var model = new ProtoWriter();
        model.Varint(1, 8);                                 // ir_version
        model.String(2, "VibeCheck.Vision.Tests");          // producer_name
        model.Message(7, graph);                            // graph
        model.Message(8, opset);                            // opset_import
        return model.ToArray();
    }

    private static ProtoWriter ValueInfo(string name, long[] shape)
    {
        var dims = new ProtoWriter();
        foreach (var d in shape)
        {
            var dim = new ProtoWriter();
            dim.Varint(1, (ulong)d);                        // dim_value
            dims.Message(1, dim);                           // TensorShapeProto.dim
        }

        var tensorType = new ProtoWriter();
        tensorType.Varint(1, FloatType);                    // elem_type
        tensorType.Message(2, dims);                        // shape
        var type = new ProtoWriter();
        type.Message(1, tensorType);                        // TypeProto.tensor_type
        var info = new ProtoWriter();
        info.String(1, name);
        info.Message(2, type);
        return info;
    }

    /// <summary>Protobuf wire format: varints (type 0) and length-delimited fields (type 2) are all ONNX needs here.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _stream = new();

        public void Varint(int field, ulong value)
        {
            Raw(((ulong)field << 3) | 0);
            Raw(value);
        }

        public void Bytes(int field, byte[] value)
        {
            Raw(((ulong)field << 3) | 2);
            Raw((ulong)value.Length);
            _stream.Write(value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => _stream.ToArray();

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            _stream.WriteByte((byte)value);
        }
    }
}
