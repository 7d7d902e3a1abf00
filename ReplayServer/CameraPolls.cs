namespace VibeCheck.ReplayServer;

/// <summary>
/// One camera's image requests since a moment: how many, the longest gap between two consecutive ones (the gap
/// that spans the moment included), the last one, and the gap still open now.
/// </summary>
/// <param name="Truncated">
/// The history kept no longer reaches back to the moment, so a gap before the oldest request kept is not counted.
/// </param>
public sealed record CameraPolls(
    Guid CameraId,
    int Requests,
    long LongestGapMs,
    DateTimeOffset LastRequestAt,
    long OpenGapMs,
    bool Truncated);
