using System.Globalization;

namespace VibeCheck.Alerting;

/// <summary>What the ViolationGrain knows about an episode, enough to make its alert.</summary>
/// <param name="EpisodeId">Unique id of the episode (e.g. <c>{camera}:{type}:{zone}:{start ticks}</c>).</param>
/// <param name="CameraId">Camera id.</param>
/// <param name="CameraName">Human-readable camera name (intersection).</param>
/// <param name="ViolationType">Violation type, e.g. <c>bike_lane_blocked</c>.</param>
/// <param name="Zone">Zone of the image.</param>
/// <param name="Borough">Borough of the camera; may be empty.</param>
/// <param name="Confidence">Robust confidence of the episode (0..1).</param>
/// <param name="StartedAt">Start of the episode.</param>
/// <param name="Link">Link to the evidence; empty to use the gateway's alert page.</param>
public sealed record ViolationEpisodeInfo(
    string EpisodeId,
    string CameraId,
    string CameraName,
    string ViolationType,
    string Zone,
    string Borough,
    double Confidence,
    DateTimeOffset StartedAt,
    string Link = "");

/// <summary>Builds the alert of a violation episode.</summary>
public static class ViolationAlerts
{
    /// <summary>The alert for an episode at the given tier; one alert per episode.</summary>
    public static Alert From(ViolationEpisodeInfo episode, AlertTier tier, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var confidence = episode.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
        var labels = new Dictionary<string, string>
        {
            [AlertLabels.AlertName] = AlertNames.Violation,
            [AlertLabels.Camera] = episode.CameraId,
            [AlertLabels.Type] = episode.ViolationType,
            [AlertLabels.Zone] = episode.Zone,
            [AlertLabels.Borough] = episode.Borough,
            [AlertLabels.Episode] = episode.EpisodeId,
        };
        var annotations = new Dictionary<string, string>
        {
            [AlertLabels.Summary] = $"{episode.ViolationType} at {episode.CameraName} (camera {episode.CameraId}), confidence {confidence}",
            [AlertLabels.CameraName] = episode.CameraName,
            [AlertLabels.Confidence] = confidence,
        };
        if (!string.IsNullOrEmpty(episode.Link))
        {
            annotations[AlertLabels.Link] = episode.Link;
        }

        return Alert.Create(labels, annotations, tier, now) with { StartsAt = episode.StartedAt };
    }
}
