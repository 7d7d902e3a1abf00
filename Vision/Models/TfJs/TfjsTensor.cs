namespace VibeCheck.Vision.Models.TfJs;

/// <summary>A constant tensor of a graph model, dequantized: floats or integers, row-major.</summary>
public sealed record TfjsTensor(int[] Shape, float[]? Floats, long[]? Integers)
{
    /// <summary>Number of elements.</summary>
    public int Count => Floats?.Length ?? Integers!.Length;

    /// <summary>The integer values (shapes, axes, paddings); throws for float tensors.</summary>
    public long[] Ints => Integers ?? throw new InvalidOperationException("expected an integer constant");

    /// <summary>A float tensor.</summary>
    public static TfjsTensor Of(int[] shape, float[] values) => new(shape, values, null);

    /// <summary>An integer tensor.</summary>
    public static TfjsTensor Of(int[] shape, long[] values) => new(shape, null, values);
}
