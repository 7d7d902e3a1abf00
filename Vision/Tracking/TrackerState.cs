namespace VibeCheck.Vision.Tracking;

/// <summary>A camera's tracks and its frame counter, persisted with the camera so a move to another silo keeps them.</summary>
public sealed record TrackerState
{
    /// <summary>Next track id.</summary>
    public long NextId { get; init; } = 1;

    /// <summary>Frames the tracker has stepped through.</summary>
    public long Frame { get; init; }

    /// <summary>Live tracks.</summary>
    public IReadOnlyList<TrackedObject> Tracks { get; init; } = [];
}
