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
}
