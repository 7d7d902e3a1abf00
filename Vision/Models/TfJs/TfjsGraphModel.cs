using System.Text.Json;

namespace VibeCheck.Vision.Models.TfJs;

/// <summary>
/// A TensorFlow.js graph model (<c>model.json</c> + weight shards) read into nodes and dequantized constants.
/// Weights are dequantized the way TF.js does it: float16 to float32, uint8/uint16 affine as <c>min + q · scale</c>.
/// </summary>
public sealed class TfjsGraphModel
{
    private TfjsGraphModel(IReadOnlyList<TfjsNode> nodes, IReadOnlyDictionary<string, TfjsTensor> constants, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        Nodes = nodes;
        Constants = constants;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The graph's nodes in file order.</summary>
    public IReadOnlyList<TfjsNode> Nodes { get; }

    /// <summary>Weights by node name.</summary>
    public IReadOnlyDictionary<string, TfjsTensor> Constants { get; }

    /// <summary>Input node names from the signature (without the <c>:0</c> suffix).</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Output node names from the signature (without the <c>:0</c> suffix), in the signature's order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Reads <paramref name="modelJsonPath"/> and the weight files it names, which lie beside it.</summary>
    public static TfjsGraphModel Load(string modelJsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        var root = json.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != "graph-model")
        {
            throw new InvalidDataException($"{modelJsonPath} is not a TF.js graph model (format must be \"graph-model\")");
        }

        var nodes = root.GetProperty("modelTopology").GetProperty("node").EnumerateArray().Select(ReadNode).ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        var constants = new Dictionary<string, TfjsTensor>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("weightsManifest").EnumerateArray())
        {
            var data = group.GetProperty("paths").EnumerateArray()
                .SelectMany(p => File.ReadAllBytes(Path.Combine(directory, p.GetString()!)))
                .ToArray();
            var offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var (name, tensor, size) = TfjsWeightReader.Read(weight, data.AsSpan(offset));
                constants[name] = tensor;
                offset += size;
            }

            if (offset != data.Length)
            {
                throw new InvalidDataException($"weights of {modelJsonPath} take {offset} bytes but the files hold {data.Length}");
            }
        }

        var signature = root.GetProperty("signature");
        return new TfjsGraphModel(nodes, constants, SignatureNames(signature, "inputs"), SignatureNames(signature, "outputs"));
    }

    private static List<string> SignatureNames(JsonElement signature, string part) =>
        signature.GetProperty(part).EnumerateObject().Select(p => p.Name.Split(':')[0]).ToList();

    private static TfjsNode ReadNode(JsonElement node)
    {
        var inputs = node.TryGetProperty("input", out var i) ? i.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var attributes = node.TryGetProperty("attr", out var a)
            ? a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return new TfjsNode(node.GetProperty("name").GetString()!, node.GetProperty("op").GetString()!, inputs, attributes);
    }
}
