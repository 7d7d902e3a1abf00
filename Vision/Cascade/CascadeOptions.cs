namespace VibeCheck.Vision.Cascade;

/// <summary>
/// When the COCO detector runs, bound from <c>Vision:Cascade</c>. Defaults are for 352×240 frames every ~2 s.
/// </summary>
public sealed record CascadeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Cascade";

    /// <summary>False runs the detector on every whole frame (the reference the cascade is measured against).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Every this many frames the whole frame is examined whatever moved (new objects that arrived unseen).</summary>
    public int FullFrameEvery { get; init; } = 10;

    /// <summary>A stationary object is re-checked by the detector after this many frames without a look.</summary>
    public int ReverifyEvery { get; init; } = 5;

    /// <summary>Grey-level change (0..255) between consecutive frames that counts as motion.</summary>
    public int MotionThreshold { get; init; } = 25;

    /// <summary>Motion blobs in which fewer pixels changed than this are noise (rain, compression).</summary>
    public int MinMotionArea { get; init; } = 40;

    /// <summary>Pixels added around a motion blob or a re-checked object before the detector looks.</summary>
    public int RegionMargin { get; init; } = 24;

    /// <summary>Smallest side of a region given to the detector: it needs context around an object.</summary>
    public int MinRegionSide { get; init; } = 96;

    /// <summary>
    /// The whole frame is examined when looking at the regions would cost more than this share of a whole-frame
    /// look: close to the whole frame's cost, the whole frame is worth its few extra pixels.
    /// </summary>
    public double FullFrameShare { get; init; } = 0.7;

    /// <summary>Per-call overhead of the detector, in input pixels, weighed when choosing between regions.</summary>
    public int CallOverheadPixels { get; init; } = 8192;

    /// <summary>Rows of the burned-in clock ignored by the motion detector (it changes every frame).</summary>
    public int ClockBandRows { get; init; } = 20;

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FullFrameEvery < 1) errors.Add("FullFrameEvery must be at least 1.");
        if (ReverifyEvery < 1) errors.Add("ReverifyEvery must be at least 1.");
        if (MotionThreshold is < 1 or > 255) errors.Add("MotionThreshold must be 1..255.");
        if (MinMotionArea < 1) errors.Add("MinMotionArea must be at least 1.");
        if (RegionMargin < 0) errors.Add("RegionMargin must not be negative.");
        if (MinRegionSide < 32) errors.Add("MinRegionSide must be at least 32.");
        if (FullFrameShare is <= 0 or > 1) errors.Add("FullFrameShare must be in (0, 1].");
        if (CallOverheadPixels < 0) errors.Add("CallOverheadPixels must not be negative.");
        if (ClockBandRows < 0) errors.Add("ClockBandRows must not be negative.");
        return errors;
    }
}
