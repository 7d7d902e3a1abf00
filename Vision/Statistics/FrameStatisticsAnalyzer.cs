namespace VibeCheck.Vision.Statistics;

/// <summary>
/// The analyser that measures frames without detecting objects: brightness, contrast, perceptual hash, service-card
/// likelihood. What the camera grains use for health (frozen, being serviced) when no detector is configured.
/// </summary>
public sealed class FrameStatisticsAnalyzer : IFrameAnalyzer
{
    public string Name => "frame-statistics";

    public string Version => "1";

    public ICameraFrameAnalyzer CreateForCamera(string cameraId) => new CameraAnalyzer(Name + "/" + Version);

    private sealed class CameraAnalyzer(string detector) : ICameraFrameAnalyzer
    {
        public FrameAnalysis Analyze(ReadOnlyMemory<byte> jpeg, DateTimeOffset takenAt, IReadOnlyList<Zone> zones)
        {
            using var frame = FrameDecoder.TryDecode(jpeg, out var error);
            if (frame is null)
            {
                return FrameAnalysis.Failed(error!, detector);
            }

            return new FrameAnalysis(null, FrameStatisticsCalculator.Compute(frame), [], new Dictionary<string, int>(), detector);
        }

        public void Dispose()
        {
        }
    }
}
