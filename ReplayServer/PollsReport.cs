namespace VibeCheck.ReplayServer;

/// <summary>The answer of <c>GET /_replay/polls</c>: the server's time, the moment asked about, and each camera's requests since.</summary>
public sealed record PollsReport(DateTimeOffset Now, DateTimeOffset Since, IReadOnlyList<CameraPolls> Cameras);
