using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;

namespace VibeCheck.Grains.Cameras;

/// <summary>Turns the vision library's result into the wire record the grains return and cache.</summary>
public static class AnalysisMapping
{
    public static FrameAnalysisSummary ToSummary(this FrameAnalysis analysis) => new(
        analysis.Error,
        analysis.Statistics?.Width ?? 0,
        analysis.Statistics?.Height ?? 0,
        Math.Round(analysis.Statistics?.MeanBrightness ?? 0, 2),
        Math.Round(analysis.Statistics?.Contrast ?? 0, 2),
        analysis.Statistics?.PerceptualHash,
        Math.Round(analysis.Statistics?.ServiceCardLikelihood ?? 0, 3),
        analysis.Detector,
        analysis.Detections
            .Select(d => new DetectionSummary(d.Label, Math.Round(d.Confidence, 3), Math.Round(d.Box.X, 1), Math.Round(d.Box.Y, 1), Math.Round(d.Box.Width, 1), Math.Round(d.Box.Height, 1), d.TrackId, d.StandingSeconds))
            .ToList(),
        analysis.ZoneOccupancy.ToDictionary());
}
