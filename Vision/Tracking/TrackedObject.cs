namespace VibeCheck.Vision.Tracking;

/// <summary>
/// One object followed across a camera's frames. Plain data so it persists with the camera's grain state.
/// </summary>
/// <param name="Id">Track id, unique per camera, never reused.</param>
/// <param name="Label">COCO class of the latest detection (a car seen once as a truck keeps its track).</param>
/// <param name="Confidence">Confidence of the latest detection.</param>
/// <param name="Box">Latest box, frame pixels.</param>
/// <param name="FirstSeenAt">When the track started.</param>
/// <param name="LastSeenAt">When a detection last confirmed it.</param>
/// <param name="Anchor">Where it has stood since <paramref name="AnchoredAt"/>: moves when the object moves.</param>
/// <param name="AnchoredAt">Since when the object has stayed at <paramref name="Anchor"/>.</param>
/// <param name="Hits">Frames that confirmed it.</param>
/// <param name="Misses">Consecutive examined frames that did not find it.</param>
/// <param name="LastVerifiedFrame">Frame number of the latest detector pass that looked at it.</param>
public sealed record TrackedObject(
    long Id,
    string Label,
    double Confidence,
    BoundingBox Box,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    BoundingBox Anchor,
    DateTimeOffset AnchoredAt,
    int Hits,
    int Misses,
    long LastVerifiedFrame)
{
    /// <summary>How long it has stood still at <paramref name="at"/>; zero while it moves.</summary>
    public TimeSpan StandingFor(DateTimeOffset at) => at > AnchoredAt ? at - AnchoredAt : TimeSpan.Zero;
}
