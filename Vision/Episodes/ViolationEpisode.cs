namespace VibeCheck.Vision.Episodes;

/// <summary>Episode status strings of the public API.</summary>
public static class EpisodeStatus
{
    /// <summary>Evidence continues or the end cutoff has not passed.</summary>
    public const string Open = "open";

    /// <summary>Ended: no supporting frame for longer than the cutoff.</summary>
    public const string Resolved = "resolved";
}

/// <summary>One frame's evidence kept with an episode (frames themselves are not stored).</summary>
/// <param name="At">When the frame was taken.</param>
/// <param name="FrameHash">The frame's perceptual hash.</param>
/// <param name="Box">The offending object's box in that frame.</param>
/// <param name="Score">The frame's score for the violation.</param>
public sealed record EpisodeEvidence(DateTimeOffset At, string FrameHash, BoundingBox Box, double Score);

/// <summary>
/// A violation that persisted across frames. Plain data with public init properties: persisted as JSON in grain
/// state (Newtonsoft.Json and System.Text.Json both round-trip it).
/// </summary>
public sealed record ViolationEpisode
{
    /// <summary>Stable id: type/zone/start/sequence.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="Rules.ViolationTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Zone name.</summary>
    public required string Zone { get; init; }

    /// <summary><see cref="EpisodeStatus.Open"/> or <see cref="EpisodeStatus.Resolved"/>.</summary>
    public string Status { get; init; } = EpisodeStatus.Open;

    /// <summary>Time of the first supporting frame.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Time of the latest supporting frame.</summary>
    public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>Time of the last supporting frame once resolved; null while open.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>See <see cref="EpisodeConfidenceScore"/>; in [0, 1].</summary>
    public double Confidence { get; init; }

    /// <summary>Frames that supported the episode.</summary>
    public int SupportingFrames { get; init; }

    /// <summary>Frames seen from the first to the latest supporting frame, supporting or not.</summary>
    public int FramesObserved { get; init; }

    /// <summary>Frames seen since the latest supporting frame.</summary>
    public int FramesSinceSupport { get; init; }

    /// <summary>The most recent frame scores (at most the options' score window).</summary>
    public IReadOnlyList<double> RecentScores { get; init; } = [];

    /// <summary>Box of the offending object in the latest supporting frame; what the next frame is matched against.</summary>
    public BoundingBox LastBox { get; init; }

    /// <summary>The tracked object behind the latest evidence; null when the detector does not track.</summary>
    public long? TrackId { get; init; }

    /// <summary>Detector name/version that produced the evidence.</summary>
    public string Detector { get; init; } = "";

    /// <summary>Evidence of the first and latest supporting frames.</summary>
    public IReadOnlyList<EpisodeEvidence> Evidence { get; init; } = [];
}
