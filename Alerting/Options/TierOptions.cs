namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Tier</c>: how confidence becomes a tier.</summary>
public sealed class TierOptions
{
    /// <summary>Above this the tier is HIGH. Default 0.8.</summary>
    public double HighThreshold { get; set; } = 0.8;

    /// <summary>From this up to <see cref="HighThreshold"/> the tier is MEDIUM. Default 0.6.</summary>
    public double MediumThreshold { get; set; } = 0.6;

    /// <summary>Scores whose median decides the tier. Default 5.</summary>
    public int Window { get; set; } = 5;

    /// <summary>Scores needed before the tier rises above LOW. Default 3.</summary>
    public int MinSamples { get; set; } = 3;
}
