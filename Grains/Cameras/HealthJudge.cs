using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>Decides a camera's health from its latest poll. Pure, so each rule is testable alone.</summary>
public static class HealthJudge
{
    /// <summary>After a failed fetch.</summary>
    public static CameraHealth AfterFailure(CameraHealth current, int consecutiveFailures, CameraPollingOptions options) =>
        consecutiveFailures >= options.OfflineAfterFailures ? CameraHealth.Offline : current;

    /// <summary>After a frame arrived: a service card wins, then a picture that stopped changing, else online.</summary>
    public static CameraHealth AfterFrame(
        double serviceCardLikelihood, int unchangedPictureStreak, int identicalFrameStreak, CameraPollingOptions options)
    {
        if (serviceCardLikelihood >= options.ServiceCardThreshold)
        {
            return CameraHealth.BeingServiced;
        }

        return unchangedPictureStreak >= options.FrozenAfterFrames || identicalFrameStreak >= options.FrozenAfterFrames
            ? CameraHealth.Frozen
            : CameraHealth.Online;
    }

    /// <summary>Hamming distance of two 64-bit perceptual hashes written as hex; null when either is missing.</summary>
    public static int? PictureDistance(string? previous, string? current)
    {
        if (previous is null || current is null || previous.Length != current.Length)
        {
            return null;
        }

        if (!ulong.TryParse(previous, System.Globalization.NumberStyles.HexNumber, null, out var a)
            || !ulong.TryParse(current, System.Globalization.NumberStyles.HexNumber, null, out var b))
        {
            return null;
        }

        return System.Numerics.BitOperations.PopCount(a ^ b);
    }
}
