namespace VibeCheck.Grains.Processing;

/// <summary>What came of one attempt at a processing request: done, worth another delivery, or never doable.</summary>
public sealed record ProcessingOutcome(string? Error, bool Permanent)
{
    /// <summary>The grain did the work.</summary>
    public static ProcessingOutcome Done { get; } = new(null, false);

    /// <summary>This attempt failed; a later delivery may succeed.</summary>
    public static ProcessingOutcome Retry(string error) => new(error, false);

    /// <summary>The camera is not in the registry: no delivery will do better.</summary>
    public static ProcessingOutcome Unknown(Guid camera) => new($"camera {camera} is not in the registry", true);
}
