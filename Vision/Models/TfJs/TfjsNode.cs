using System.Text.Json;

namespace VibeCheck.Vision.Models.TfJs;

/// <summary>One node of a TensorFlow.js graph model: its op, its inputs (<c>name</c> or <c>name:k</c>) and attributes.</summary>
public sealed record TfjsNode(string Name, string Op, IReadOnlyList<string> Inputs, IReadOnlyDictionary<string, JsonElement> Attributes)
{
    /// <summary>An integer list attribute such as <c>strides</c> or <c>ksize</c>; null when absent.</summary>
    public long[]? IntList(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("list", out var list) && list.TryGetProperty("i", out var items)
            ? items.EnumerateArray().Select(i => long.Parse(i.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : null;

    /// <summary>A string attribute (TF stores them base64-encoded); null when absent.</summary>
    public string? Text(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("s", out var s)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s.GetString()!))
            : null;

    /// <summary>A string list attribute such as <c>fused_ops</c>; empty when absent.</summary>
    public IReadOnlyList<string> TextList(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("list", out var list) && list.TryGetProperty("s", out var items)
            ? items.EnumerateArray().Select(i => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(i.GetString()!))).ToList()
            : [];

    /// <summary>A float attribute such as LeakyRelu's <c>alpha</c>.</summary>
    public float? Float(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("f", out var f) ? f.GetSingle() : null;

    /// <summary>A boolean attribute such as <c>half_pixel_centers</c>; false when absent.</summary>
    public bool Flag(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("b", out var b) && b.GetBoolean();

    /// <summary>An integer attribute such as <c>N</c> or <c>num_split</c>.</summary>
    public long? Int(string name) =>
        Attributes.TryGetValue(name, out var a) && a.TryGetProperty("i", out var i)
            ? long.Parse(i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
