namespace VibeCheck.Vision.Episodes;

/// <summary>
/// Everything the tracker remembers between frames, as plain data: store it in the camera grain's state (JSON) and
/// pass it back into <see cref="EpisodeTracker.Step"/> with the next frame. Resolved episodes leave the state.
/// </summary>
public sealed record EpisodeTrackerState
{
    /// <summary>An empty tracker.</summary>
    public static EpisodeTrackerState Empty { get; } = new();

    /// <summary>Counter used in episode ids.</summary>
    public long NextSequence { get; init; }

    /// <summary>Time of the latest frame stepped; older frames are ignored.</summary>
    public DateTimeOffset? LastFrameAt { get; init; }

    /// <summary>Candidates building up consecutive frames; they become episodes when they reach the threshold.</summary>
    public IReadOnlyList<ViolationEpisode> Pending { get; init; } = [];

    /// <summary>Open episodes.</summary>
    public IReadOnlyList<ViolationEpisode> Open { get; init; } = [];
}

/// <summary>Input for one step: the frame's time, hash, detector and rule candidates.</summary>
public sealed record EpisodeFrame(DateTimeOffset At, string FrameHash, string Detector, IReadOnlyList<Rules.ViolationCandidate> Candidates);

/// <summary>Result of one step.</summary>
/// <param name="State">The state to persist.</param>
/// <param name="Opened">Episodes that opened on this frame.</param>
/// <param name="Updated">Open episodes this frame supported (including the just opened).</param>
/// <param name="Resolved">Episodes that ended; they are no longer in <paramref name="State"/>, so store them.</param>
public sealed record EpisodeStep(
    EpisodeTrackerState State,
    IReadOnlyList<ViolationEpisode> Opened,
    IReadOnlyList<ViolationEpisode> Updated,
    IReadOnlyList<ViolationEpisode> Resolved);
