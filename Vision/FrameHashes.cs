using System.Globalization;
using System.Numerics;

namespace VibeCheck.Vision;

/// <summary>
/// Compares the 64-bit perceptual hashes of <see cref="FrameStatistics.PerceptualHash"/>. The hash ignores the clock
/// band, so a frozen camera (same picture, ticking clock) yields a distance of 0–2 between frames.
/// </summary>
public static class FrameHashes
{
    /// <summary>Largest possible distance; also what an unparsable hash counts as, so that bad input never looks frozen.</summary>
    public const int MaxDistance = 64;

    /// <summary>Default distance at or below which two frames show the same picture (JPEG noise flips a bit or two).</summary>
    public const int DefaultFrozenDistance = 4;

    /// <summary>Number of differing bits between two 16-hex-digit hashes; <see cref="MaxDistance"/> when either is not a hash.</summary>
    public static int HammingDistance(string? a, string? b) =>
        TryParse(a, out var x) && TryParse(b, out var y) ? BitOperations.PopCount(x ^ y) : MaxDistance;

    /// <summary>True when the two hashes are within <paramref name="maxDistance"/> bits: the picture did not change.</summary>
    public static bool LookUnchanged(string? a, string? b, int maxDistance = DefaultFrozenDistance) =>
        HammingDistance(a, b) <= maxDistance;

    /// <summary>Parses a hash written by <see cref="Format"/>.</summary>
    public static bool TryParse(string? hash, out ulong value)
    {
        value = 0;
        return hash is { Length: 16 } && ulong.TryParse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Lowercase 16-digit hex, the form stored as evidence and in grain state.</summary>
    public static string Format(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);
}
