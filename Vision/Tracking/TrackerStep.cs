namespace VibeCheck.Vision.Tracking;

/// <summary>What one tracker step produced: the next state and the frame's tracked objects.</summary>
public sealed record TrackerStep(TrackerState State, IReadOnlyList<Detection> Objects);
