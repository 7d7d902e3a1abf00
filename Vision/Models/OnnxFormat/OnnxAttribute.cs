namespace VibeCheck.Vision.Models.OnnxFormat;

/// <summary>An attribute of an ONNX node: an integer, a float, a string or a list of integers.</summary>
public sealed record OnnxAttribute(string Name, long? Int = null, float? Float = null, string? Text = null, IReadOnlyList<long>? Ints = null)
{
    public static implicit operator OnnxAttribute((string Name, long Value) a) => new(a.Name, Int: a.Value);

    public static implicit operator OnnxAttribute((string Name, float Value) a) => new(a.Name, Float: a.Value);

    public static implicit operator OnnxAttribute((string Name, string Value) a) => new(a.Name, Text: a.Value);

    public static implicit operator OnnxAttribute((string Name, long[] Value) a) => new(a.Name, Ints: a.Value);
}
