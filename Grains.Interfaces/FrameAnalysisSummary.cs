namespace VibeCheck.Grains.Interfaces;

/// <summary>The analysis of one frame as returned to callers and cached under <c>vision:camera:{id}:frame:{hash}</c>.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.frame-analysis")]
public sealed record FrameAnalysisSummary(
    [property: Id(0)] string? Error,
    [property: Id(1)] int Width,
    [property: Id(2)] int Height,
    [property: Id(3)] double MeanBrightness,
    [property: Id(4)] double Contrast,
    [property: Id(5)] string? PerceptualHash,
    [property: Id(6)] double ServiceCardLikelihood,
    [property: Id(7)] string Detector,
    [property: Id(8)] IReadOnlyList<DetectionSummary> Detections,
    [property: Id(9)] IReadOnlyDictionary<string, int> ZoneOccupancy);

/// <summary>
/// A detected object; box in pixels of the frame, top-left origin. With the COCO detector, the camera's track id and
/// how long the object has stood still (seconds, 0 while it moves).
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.detection")]
public sealed record DetectionSummary(
    [property: Id(0)] string Label,
    [property: Id(1)] double Confidence,
    [property: Id(2)] double X,
    [property: Id(3)] double Y,
    [property: Id(4)] double Width,
    [property: Id(5)] double Height,
    [property: Id(6)] long? TrackId = null,
    [property: Id(7)] double? StandingSeconds = null);
