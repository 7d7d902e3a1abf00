namespace VibeCheck.Vision.Tracking;

/// <summary>Settings of the tracker, bound from <c>Vision:Tracking</c>.</summary>
public sealed record ObjectTrackerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Vision:Tracking";

    /// <summary>A detection continues a track when their boxes overlap at least this much.</summary>
    public double MatchIoU { get; init; } = 0.3;

    /// <summary>
    /// Or when the detection's centre lies within this share of the track box's larger side from the track's centre
    /// (a car that moved further than its own overlap in 2 s).
    /// </summary>
    public double MatchCentreDistance { get; init; } = 0.6;

    /// <summary>An object whose box overlaps its previous box this much has not moved (detector jitter is less).</summary>
    public double StandingIoU { get; init; } = 0.7;

    /// <summary>An object that crept until its box overlaps where it stopped less than this is moving again.</summary>
    public double CreepIoU { get; init; } = 0.5;


    /// <summary>A track is dropped after this many consecutive detector passes over it that did not find it.</summary>
    public int MaxMisses { get; init; } = 2;

    /// <summary>A track not confirmed for this long is dropped whatever happened (camera offline, long gaps).</summary>
    public TimeSpan MaxUnseen { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Problems with these settings; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MatchIoU is <= 0 or > 1) errors.Add("MatchIoU must be in (0, 1].");
        if (MatchCentreDistance < 0) errors.Add("MatchCentreDistance must not be negative.");
        if (StandingIoU is <= 0 or > 1) errors.Add("StandingIoU must be in (0, 1].");
        if (CreepIoU is <= 0 or > 1) errors.Add("CreepIoU must be in (0, 1].");
        if (MaxMisses < 1) errors.Add("MaxMisses must be at least 1.");
        if (MaxUnseen <= TimeSpan.Zero) errors.Add("MaxUnseen must be positive.");
        return errors;
    }
}
