using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision.Episodes;

namespace VibeCheck.Grains.Cameras;

/// <summary>Between the cached frame analysis, the vision library's episodes and the violation reports.</summary>
public static class CameraViolationMapping
{
    /// <summary>
    /// The cluster-wide id of a camera's episode (the key of its <see cref="IViolationGrain"/>): the tracker's id is
    /// only unique within one camera.
    /// </summary>
    public static string GlobalEpisodeId(Guid cameraId, string episodeId) => $"{cameraId:N}:{episodeId}";

    /// <summary>The report of an episode as it stands, observed at <paramref name="observedAt"/>.</summary>
    public static ViolationEpisodeReport ToReport(
        this ViolationEpisode e, Guid cameraId, CameraRegistration? camera, long sequence, DateTimeOffset observedAt) => new(
        GlobalEpisodeId(cameraId, e.Id),
        sequence,
        cameraId,
        camera?.Name ?? "",
        camera?.Borough ?? "",
        e.Type,
        e.Zone,
        e.Status == EpisodeStatus.Resolved ? ViolationEpisodeStatus.Resolved : ViolationEpisodeStatus.Open,
        e.Confidence,
        e.StartedAt,
        e.EndedAt,
        observedAt,
        e.Evidence.Select(x => x.FrameHash).Distinct().ToList(),
        e.Evidence.Select(x => new DetectionSummary(e.Type, Math.Round(x.Score, 3), x.Box.X, x.Box.Y, x.Box.Width, x.Box.Height)).ToList(),
        e.Detector);
}
