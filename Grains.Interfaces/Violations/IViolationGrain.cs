namespace VibeCheck.Grains.Interfaces.Violations;

/// <summary>One violation episode (key: the episode id), from first report to resolution; decides its alert tier.</summary>
[Alias("vibecheck.IViolationGrain")]
public interface IViolationGrain : IGrainWithStringKey
{
    /// <summary>Applies a report from the camera; returns once it is persisted, so the camera may drop its copy.</summary>
    [Alias("Report")]
    Task Report(ViolationEpisodeReport report);
}
