using OpenCvSharp;
using VibeCheck.Jpeg;

namespace VibeCheck.Vision.Statistics;

/// <summary>Decodes camera bytes into a picture, or says why it cannot.</summary>
public static class FrameDecoder
{
    /// <summary>Smallest picture side accepted; anything smaller is no camera frame.</summary>
    public const int MinSide = 16;

    /// <summary>
    /// Largest picture side accepted. Camera frames are 352×240 (HD cameras 1920×1080); a header claiming more is
    /// refused before decoding, because the decoder would allocate the whole claimed picture first (a few hundred
    /// bytes claiming 30000×30000 pixels cost gigabytes and seconds).
    /// </summary>
    public const int MaxSide = 4096;

    /// <summary>Null and a reason when the bytes are no decodable JPEG; OpenCV's own errors never escape.</summary>
    public static Mat? TryDecode(ReadOnlyMemory<byte> jpeg, out string? error) => TryDecode(jpeg, ImreadModes.Color, out error);

    /// <summary>
    /// Decodes into colour or grey (<see cref="ImreadModes.Grayscale"/> lets libjpeg skip the chroma work). Rejects,
    /// with a reason: empty input, non-JPEG bytes (PNG, HTML error pages), JPEGs cut short (no end-of-image marker:
    /// libjpeg would otherwise fill the missing rows with grey and report success) and undecodable data.
    /// </summary>
    public static Mat? TryDecode(ReadOnlyMemory<byte> jpeg, ImreadModes mode, out string? error)
    {
        error = Check(jpeg.Span);
        if (error is not null)
        {
            return null;
        }

        try
        {
            var mat = Cv2.ImDecode(jpeg.Span, mode);
            if (mat.Empty() || mat.Cols < MinSide || mat.Rows < MinSide)
            {
                mat.Dispose();
                error = "corrupt JPEG: could not be decoded";
                return null;
            }

            return mat;
        }
        catch (Exception ex) when (ex is OpenCVException or OpenCvSharpException)
        {
            error = $"corrupt JPEG: {ex.Message}";
            return null;
        }
    }

    private static string? Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return "image is empty (0 bytes)";
        }

        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return $"not a JPEG (no SOI marker; starts with {Describe(bytes)})";
        }

        if (!HasEndOfImage(bytes))
        {
            return "truncated JPEG (no EOI marker)";
        }

        return JpegHeader.TryReadSize(bytes, out var width, out var height) && (width > MaxSide || height > MaxSide)
            ? $"JPEG declares {width}×{height} pixels, more than {MaxSide} per side"
            : null;
    }

    /// <summary>False when the end-of-image marker is missing (<see cref="JpegEnd"/>, the camera client's rule too).</summary>
    public static bool HasEndOfImage(ReadOnlySpan<byte> bytes) => JpegEnd.HasEndOfImage(bytes);

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G')
        {
            return "a PNG signature";
        }

        var head = bytes[..Math.Min(bytes.Length, 8)];
        return head.IndexOf((byte)'<') >= 0 ? "text/HTML" : "0x" + Convert.ToHexString(head);
    }
}
