namespace VibeCheck.Vision.BackgroundSubtraction;

/// <summary>
/// Settings of the model-free detector. Defaults are tuned for 352×240 NYC DOT frames arriving every ~2 s; all pixel
/// quantities are in pixels of that frame size.
/// </summary>
public sealed record BackgroundSubtractionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:BackgroundSubtraction";

    /// <summary>Rows at the top of the frame holding the burned-in clock; excluded from hashing, statistics and detection.</summary>
    public int ClockBandRows { get; init; } = 20;

    /// <summary>Gaussian blur kernel side (odd) applied before differencing, to flatten JPEG block noise.</summary>
    public int BlurKernel { get; init; } = 5;

    /// <summary>Grey-level difference from the background above which a pixel is foreground.</summary>
    public double DifferenceThreshold { get; init; } = 28;

    /// <summary>Per-frame learning rate where the picture matches the background (follows dusk, rain, exposure).</summary>
    public double BackgroundLearningRate { get; init; } = 0.08;

    /// <summary>
    /// Per-frame learning rate under foreground. Small, so that a stopped vehicle stays foreground for minutes
    /// (half-life ≈ ln 2 / rate frames: 0.004 → ~170 frames ≈ 6 min at one frame per 2 s) and dwell can be measured.
    /// </summary>
    public double ForegroundLearningRate { get; init; } = 0.004;

    /// <summary>Frames averaged into the first background before any detection is reported.</summary>
    public int WarmupFrames { get; init; } = 3;

    /// <summary>Foreground share of the picture above which the frame is a scene change (camera moved, card): the model restarts.</summary>
    public double SceneChangeShare { get; init; } = 0.45;

    /// <summary>Connected components smaller than this many pixels are noise.</summary>
    public int MinBlobArea { get; init; } = 30;

    /// <summary>Smallest vehicle blob area at the bottom edge of the frame; scaled by (bottom y / height)² for perspective.</summary>
    public double VehicleMinArea { get; init; } = 260;

    /// <summary>Largest person blob area at the bottom edge of the frame; scaled like <see cref="VehicleMinArea"/>.</summary>
    public double PersonMaxArea { get; init; } = 1100;

    /// <summary>Height/width ratio at or above which an upright, small blob is a person.</summary>
    public double PersonMinAspect { get; init; } = 1.3;

    /// <summary>
    /// A blob whose box covers more than this share of the picture is no single object (rain glare, headlights
    /// sweeping wet asphalt, exposure pumping); it is not reported.
    /// </summary>
    public double MaxObjectShare { get; init; } = 0.25;

    /// <summary>
    /// When this share of the picture is foreground the background is learnt at <see cref="UnsettledLearningRate"/>
    /// everywhere, so it recovers from a partial scene change in a few frames instead of minutes.
    /// </summary>
    public double UnsettledShare { get; init; } = 0.2;

    /// <summary>Learning rate while unsettled (see <see cref="UnsettledShare"/>).</summary>
    public double UnsettledLearningRate { get; init; } = 0.3;

    /// <summary>At most this many detections are reported per frame, largest first.</summary>
    public int MaxDetections { get; init; } = 64;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ClockBandRows is < 0 or > 120) errors.Add("ClockBandRows must be 0..120.");
        if (BlurKernel < 1 || BlurKernel % 2 == 0) errors.Add("BlurKernel must be a positive odd number.");
        if (DifferenceThreshold is <= 0 or >= 255) errors.Add("DifferenceThreshold must be in (0, 255).");
        if (BackgroundLearningRate is <= 0 or > 1) errors.Add("BackgroundLearningRate must be in (0, 1].");
        if (ForegroundLearningRate is < 0 or > 1) errors.Add("ForegroundLearningRate must be in [0, 1].");
        if (WarmupFrames < 1) errors.Add("WarmupFrames must be at least 1.");
        if (SceneChangeShare is <= 0 or > 1) errors.Add("SceneChangeShare must be in (0, 1].");
        if (MaxObjectShare is <= 0 or > 1) errors.Add("MaxObjectShare must be in (0, 1].");
        if (UnsettledShare is <= 0 or > 1) errors.Add("UnsettledShare must be in (0, 1].");
        if (UnsettledLearningRate is <= 0 or > 1) errors.Add("UnsettledLearningRate must be in (0, 1].");
        if (MinBlobArea < 1) errors.Add("MinBlobArea must be at least 1.");
        if (MaxDetections < 1) errors.Add("MaxDetections must be at least 1.");
        return errors;
    }
}
