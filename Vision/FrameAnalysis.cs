namespace VibeCheck.Vision;

/// <summary>What one frame showed.</summary>
/// <param name="Error">Why the frame could not be analysed (corrupt JPEG, wrong format, ...), or null.</param>
/// <param name="Statistics">Whole-frame measures; null when the frame could not be decoded.</param>
/// <param name="Detections">Objects found, in pixels of the frame, top-left origin.</param>
/// <param name="ZoneOccupancy">Per zone name, the detections whose bottom-centre lies in that zone.</param>
/// <param name="Detector">Name/version of the detector, recorded as evidence.</param>
public sealed record FrameAnalysis(
    string? Error,
    FrameStatistics? Statistics,
    IReadOnlyList<Detection> Detections,
    IReadOnlyDictionary<string, int> ZoneOccupancy,
    string Detector)
{
    public static FrameAnalysis Failed(string error, string detector) =>
        new(error, null, [], new Dictionary<string, int>(), detector);
}

/// <summary>Whole-frame statistics, computed below the burned-in clock band.</summary>
/// <param name="Width">Decoded width in pixels.</param>
/// <param name="Height">Decoded height in pixels.</param>
/// <param name="MeanBrightness">Mean luma 0..255.</param>
/// <param name="Contrast">Standard deviation of luma.</param>
/// <param name="PerceptualHash">64-bit DCT perceptual hash of the picture without the clock band, lowercase hex (16 chars).</param>
/// <param name="ServiceCardLikelihood">0..1, how much the frame looks like a flat "being serviced" card.</param>
public sealed record FrameStatistics(
    int Width,
    int Height,
    double MeanBrightness,
    double Contrast,
    string PerceptualHash,
    double ServiceCardLikelihood);

/// <summary>A detected object. Box in pixels, top-left origin.</summary>
/// <param name="Label">COCO class (car, bus, truck, person, ...) or the model-free detector's coarse class.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Box">Frame pixels.</param>
/// <param name="TrackId">The camera's track this object belongs to; null from detectors that do not track.</param>
/// <param name="StandingSeconds">How long the object has stood where it is; 0 while it moves, null without tracking.</param>
public sealed record Detection(string Label, double Confidence, BoundingBox Box, long? TrackId = null, double? StandingSeconds = null);

/// <summary>An axis-aligned box in pixels, top-left origin.</summary>
public readonly record struct BoundingBox(double X, double Y, double Width, double Height)
{
    public (double X, double Y) BottomCentre => (X + Width / 2, Y + Height);
}

/// <summary>A named pixel polygon of a camera's picture with a street-use type.</summary>
public sealed record Zone(string Name, ZoneType Type, IReadOnlyList<PixelPoint> Points);

/// <summary>A polygon vertex in pixels.</summary>
public readonly record struct PixelPoint(double X, double Y);

/// <summary>The street use of a zone; JSON names are snake_case (bike_lane, bus_lane, ...).</summary>
public enum ZoneType
{
    BikeLane,
    BusLane,
    Crosswalk,
    Box,
    NoStanding,
    Sidewalk,
    Roadway,
}
