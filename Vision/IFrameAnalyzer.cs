namespace VibeCheck.Vision;

/// <summary>
/// Creates per-camera analysers. One analyser instance lives with one camera's grain activation, because
/// background models and episode dwell need the camera's recent frames.
/// </summary>
public interface IFrameAnalyzer
{
    /// <summary>Detector name recorded as evidence with every analysis (e.g. "background-subtraction").</summary>
    string Name { get; }

    /// <summary>Detector version recorded as evidence with every analysis.</summary>
    string Version { get; }

    /// <summary>Creates the analyser that keeps one camera's frame history in memory.</summary>
    ICameraFrameAnalyzer CreateForCamera(string cameraId);
}

/// <summary>Analyses the frames of one camera in order. Not thread-safe: a grain calls it one frame at a time.</summary>
public interface ICameraFrameAnalyzer : IDisposable
{
    /// <summary>
    /// Analyses one JPEG. Never throws for bad image bytes: a corrupt, truncated or non-JPEG input yields
    /// <see cref="FrameAnalysis.Error"/> set and no detections.
    /// </summary>
    FrameAnalysis Analyze(ReadOnlyMemory<byte> jpeg, DateTimeOffset takenAt, IReadOnlyList<Zone> zones);
}
