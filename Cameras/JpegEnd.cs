namespace VibeCheck.Jpeg;

/// <summary>
/// Where a JPEG ends. A truncated transfer loses the end-of-image marker; encoders may pad after it: any run of zero
/// bytes, then at most <see cref="MaxTrailingBytes"/> bytes of anything, which decoders ignore. One source compiled
/// into both the camera client (Cameras) and the frame decoder (Vision), which share no library, so that a frame the
/// client accepts is never refused as truncated when it is analysed.
/// </summary>
internal static class JpegEnd
{
    /// <summary>Bytes other than zero padding tolerated after the end-of-image marker.</summary>
    public const int MaxTrailingBytes = 30;

    public static bool HasEndOfImage(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 2 && bytes[end - 1] == 0)
        {
            end--;
        }

        return bytes[Math.Max(0, end - MaxTrailingBytes - 2)..end].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
    }
}
