namespace VibeCheck.Vision.Tracking;

/// <summary>A camera analyser that tracks objects; its tracks are handed to the grain to persist and back after a move.</summary>
public interface ITrackingCameraAnalyzer : ICameraFrameAnalyzer
{
    /// <summary>The tracks after the latest frame.</summary>
    TrackerState Tracks { get; }

    /// <summary>Continues from persisted tracks (after a deactivation or a move to another silo).</summary>
    void Restore(TrackerState state);
}
