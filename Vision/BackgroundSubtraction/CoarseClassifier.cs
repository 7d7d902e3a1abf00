namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>
/// Names a foreground blob vehicle, person or unknown from its size, shape and height in the picture. Objects lower in
/// a street camera's picture are nearer and larger, so size thresholds scale with the square of the bottom edge's row.
/// The confidence is a shape heuristic (how solid and how clearly sized the blob is), not a calibrated probability.
/// </summary>
public static class CoarseClassifier
{
    /// <summary>Label for vehicles found by the model-free detector.</summary>
    public const string Vehicle = "vehicle";

    /// <summary>Label for people.</summary>
    public const string Person = "person";

    /// <summary>Label for foreground that is neither (shadows, fragments, animals, bags).</summary>
    public const string Unknown = "unknown";

    /// <summary>Label and confidence for a blob of <paramref name="area"/> pixels inside <paramref name="box"/>.</summary>
    public static (string Label, double Confidence) Classify(BoundingBox box, int area, int frameHeight, BackgroundSubtractionOptions options)
    {
        var depth = Math.Clamp((box.Y + box.Height) / frameHeight, 0.25, 1.0);
        var scale = depth * depth;
        var fill = area / Math.Max(box.Width * box.Height, 1);
        var aspect = box.Height / Math.Max(box.Width, 1);
        var vehicleMin = options.VehicleMinArea * scale;
        var personMax = options.PersonMaxArea * scale;

        if (aspect >= options.PersonMinAspect && area <= personMax && box.Width <= 40 * depth + 4)
        {
            return (Person, Math.Round(Math.Clamp(0.3 + 0.4 * fill + 0.1 * Math.Min(aspect - 1.3, 1.5), 0.05, 0.95), 3));
        }

        if (area >= vehicleMin && aspect < 1.6)
        {
            var sizeTerm = Math.Min(area / (3 * vehicleMin), 1);
            return (Vehicle, Math.Round(Math.Clamp(0.25 + 0.45 * fill + 0.25 * sizeTerm, 0.05, 0.95), 3));
        }

        return (Unknown, Math.Round(Math.Clamp(0.1 + 0.3 * fill, 0.05, 0.5), 3));
    }
}
