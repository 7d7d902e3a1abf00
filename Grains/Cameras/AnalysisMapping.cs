using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The edge between the vision library's result, on which the grains run their rules, and the wire record they
/// return and cache: to the wire when an analysis leaves a grain, back when a cached one is read.
/// </summary>
public static class AnalysisMapping
{
    /// <summary>
    /// A cached analysis as the vision library's result, for the rules. The frame was analysed before (by this or
    /// another silo) and only its rounded wire form is left: values agree with the original to the rounding.
    /// </summary>
    public static FrameAnalysis ToFrameAnalysis(this FrameAnalysisSummary a) => new(
        a.Error,
        a.Error is null && a.Width > 0
            ? new FrameStatistics(a.Width, a.Height, a.MeanBrightness, a.Contrast, a.PerceptualHash ?? "", a.ServiceCardLikelihood)
            : null,
        a.Detections.Select(d => new Detection(d.Label, d.Confidence, new BoundingBox(d.X, d.Y, d.Width, d.Height), d.TrackId, d.StandingSeconds)).ToList(),
        a.ZoneOccupancy,
        a.Detector);

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
