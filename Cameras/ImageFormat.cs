using VibeCheck.Jpeg;

namespace VibeCheck.Cameras;

/// <summary>Recognises what a camera sent by its leading bytes, not by the Content-Type it claims.</summary>
public static class ImageFormat
{
    /// <summary>Null when the bytes are a complete JPEG, else a reason fit for an error message.</summary>
    public static string? DescribeProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "image is empty (0 bytes)";
        }

        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image is a PNG, expected a JPEG";
        }

        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF)
        {
            return LooksLikeText(bytes) ? "image is text or HTML, expected a JPEG" : "image is not a JPEG (no SOI marker)";
        }

        return HasEndOfImage(bytes) ? null : "JPEG is truncated (no EOI marker)";
    }

    /// <summary>False when the end-of-image marker is missing (<see cref="JpegEnd"/>).</summary>
    public static bool HasEndOfImage(ReadOnlySpan<byte> bytes) => JpegEnd.HasEndOfImage(bytes);

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 64)];
        foreach (var b in head)
        {
            if (b is < 0x09 or (> 0x0D and < 0x20) and not 0x1B)
            {
                return false;
            }
        }

        return true;
    }
}
