using System.Buffers.Binary;
using System.Text.Json;

namespace VibeCheck.Vision.Models.TfJs;

/// <summary>Reads one entry of a TF.js weights manifest from the shard bytes, dequantizing as TF.js does.</summary>
internal static class TfjsWeightReader
{
    public static (string Name, TfjsTensor Tensor, int ByteSize) Read(JsonElement spec, ReadOnlySpan<byte> data)
    {
        var name = spec.GetProperty("name").GetString()!;
        var shape = spec.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var count = shape.Aggregate(1, (a, d) => a * d);
        var dtype = spec.GetProperty("dtype").GetString();
        if (spec.TryGetProperty("quantization", out var quantization))
        {
            return (name, Dequantize(quantization, shape, count, data, out var size), size);
        }

        switch (dtype)
        {
            case "float32":
                var floats = new float[count];
                for (var i = 0; i < count; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
                }

                return (name, TfjsTensor.Of(shape, floats), 4 * count);
            case "int32":
                var ints = new long[count];
                for (var i = 0; i < count; i++)
                {
                    ints[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
                }

                return (name, TfjsTensor.Of(shape, ints), 4 * count);
            case "bool":
                return (name, TfjsTensor.Of(shape, data[..count].ToArray().Select(b => (long)b).ToArray()), count);
            default:
                throw new InvalidDataException($"weight {name} has dtype {dtype}, which the reader does not handle");
        }
    }

    private static TfjsTensor Dequantize(JsonElement quantization, int[] shape, int count, ReadOnlySpan<byte> data, out int size)
    {
        var stored = quantization.GetProperty("dtype").GetString();
        var values = new float[count];
        switch (stored)
        {
            case "float16":
                for (var i = 0; i < count; i++)
                {
                    values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(data[(2 * i)..]);
                }

                size = 2 * count;
                break;
            case "uint8" or "uint16":
                // TF.js: value = q * scale + min, in float32 arithmetic.
                var scale = quantization.GetProperty("scale").GetSingle();
                var min = quantization.GetProperty("min").GetSingle();
                var wide = stored == "uint16";
                for (var i = 0; i < count; i++)
                {
                    float q = wide ? BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]) : data[i];
                    values[i] = (q * scale) + min;
                }

                size = (wide ? 2 : 1) * count;
                break;
            default:
                throw new InvalidDataException($"quantization dtype {stored} is not handled");
        }

        if (quantization.TryGetProperty("original_dtype", out var original) && original.GetString() == "int32")
        {
            return TfjsTensor.Of(shape, values.Select(v => (long)Math.Round(v)).ToArray());
        }

        return TfjsTensor.Of(shape, values);
    }
}
