namespace VibeCheck.Cameras;

/// <summary>A registry entry that is not polled, and why.</summary>
public sealed record RejectedCamera(string? Id, string? Name, string Reason);
