using VibeCheck.Vision.Models.TfJs;

namespace VibeCheck.Vision.Models;

/// <summary>Constant folding of the shape arithmetic that TF.js graphs carry as ops.</summary>
internal sealed partial class TranslationContext
{
    private bool TryFold(TfjsNode node)
    {
        if (node.Op == "Const")
        {
            // A constant with no weight entry is an empty tensor (TF.js drops zero-size weights' data only).
            _constants[node.Name] = _constants.GetValueOrDefault(node.Name) ?? TfjsTensor.Of([0], Array.Empty<long>());
            return true;
        }

        if (node.Inputs.Count == 0 || node.Inputs.Any(i => !_constants.ContainsKey(i)))
        {
            return false;
        }

        var folded = node.Op switch
        {
            "SparseToDense" => SparseToDense(node),
            "Add" or "AddV2" => Elementwise(node, (a, b) => a + b, (a, b) => a + b),
            "Mul" => Elementwise(node, (a, b) => a * b, (a, b) => a * b),
            "Sub" => Elementwise(node, (a, b) => a - b, (a, b) => a - b),
            "Identity" => _constants[node.Inputs[0]],
            _ => null,
        };
        if (folded is null)
        {
            return false;
        }

        _constants[node.Name] = folded;
        return true;
    }

    private TfjsTensor SparseToDense(TfjsNode node)
    {
        var indices = _constants[node.Inputs[0]];
        var shape = _constants[node.Inputs[1]].Ints;
        var values = _constants[node.Inputs[2]];
        var fill = _constants[node.Inputs[3]];
        var count = (int)shape.Aggregate(1L, (a, d) => a * d);
        var dims = shape.Select(d => (int)d).ToArray();
        if (indices.Count != 0 && shape.Length != 1)
        {
            throw new NotSupportedException($"SparseToDense {node.Name}: only 1-D dense outputs are folded");
        }

        if (fill.Floats is { } f)
        {
            var dense = Enumerable.Repeat(f[0], count).ToArray();
            for (var k = 0; k < indices.Count; k++)
            {
                dense[indices.Ints[k]] = values.Floats![values.Count == 1 ? 0 : k];
            }

            return TfjsTensor.Of(dims, dense);
        }

        var ints = Enumerable.Repeat(fill.Ints[0], count).ToArray();
        for (var k = 0; k < indices.Count; k++)
        {
            ints[indices.Ints[k]] = values.Ints[values.Count == 1 ? 0 : k];
        }

        return TfjsTensor.Of(dims, ints);
    }

    private TfjsTensor Elementwise(TfjsNode node, Func<float, float, float> onFloats, Func<long, long, long> onInts)
    {
        var a = _constants[node.Inputs[0]];
        var b = _constants[node.Inputs[1]];
        var (large, small) = a.Count >= b.Count ? (a, b) : (b, a);
        if (small.Count != 1 && small.Count != large.Count)
        {
            throw new NotSupportedException($"{node.Op} {node.Name}: only same-size or scalar constants are folded");
        }

        int Pick(int i, TfjsTensor t) => t.Count == 1 ? 0 : i;
        if (a.Floats is not null || b.Floats is not null)
        {
            float F(TfjsTensor t, int i) => t.Floats is { } fl ? fl[Pick(i, t)] : t.Ints[Pick(i, t)];
            return TfjsTensor.Of(large.Shape, Enumerable.Range(0, large.Count).Select(i => onFloats(F(a, i), F(b, i))).ToArray());
        }

        return TfjsTensor.Of(large.Shape, Enumerable.Range(0, large.Count).Select(i => onInts(a.Ints[Pick(i, a)], b.Ints[Pick(i, b)])).ToArray());
    }
}
