using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Contracts;

/// <summary><c>POST /process/camera/{id}</c>. <c>frameHash</c> is the lowercase hex SHA-256 of the JPEG bytes.</summary>
public sealed record ProcessResponse(
    Guid CameraId,
    string FrameHash,
    bool CacheHit,
    DateTimeOffset? FrameTakenAt,
    AnalysisResponse? Analysis,
    double ElapsedMs,
    string Health)
{
    public static ProcessResponse From(ProcessResult r, double elapsedMs) => new(
        r.CameraId, r.FrameHash!, r.CacheHit, r.FrameTakenAt, AnalysisResponse.From(r.Analysis), Math.Round(elapsedMs, 3), HealthNames.Of(r.Health));
}

/// <summary>A frame's analysis: whole-frame statistics, and detections with boxes in pixels (top-left origin).</summary>
public sealed record AnalysisResponse(
    string? Error,
    string Detector,
    int Width,
    int Height,
    double MeanBrightness,
    double Contrast,
    string? PerceptualHash,
    double ServiceCardLikelihood,
    IReadOnlyList<DetectionResponse> Detections,
    IReadOnlyDictionary<string, int> ZoneOccupancy)
{
    public static AnalysisResponse? From(FrameAnalysisSummary? a) => a is null ? null : new(
        a.Error, a.Detector, a.Width, a.Height, a.MeanBrightness, a.Contrast, a.PerceptualHash, a.ServiceCardLikelihood,
        a.Detections.Select(d => new DetectionResponse(d.Label, d.Confidence, new BoxResponse(d.X, d.Y, d.Width, d.Height), d.TrackId, d.StandingSeconds)).ToList(),
        a.ZoneOccupancy);
}

/// <summary>A detected object: COCO class, confidence, box; with the COCO detector also its track and how long it has stood (s).</summary>
public sealed record DetectionResponse(string Label, double Confidence, BoxResponse Box, long? TrackId, double? StandingSeconds);

public sealed record BoxResponse(double X, double Y, double Width, double Height);
