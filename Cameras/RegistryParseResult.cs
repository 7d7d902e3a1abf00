namespace VibeCheck.Cameras;

/// <summary>The valid cameras of one registry answer and the entries rejected from it.</summary>
public sealed record RegistryParseResult(IReadOnlyList<CameraInfo> Cameras, IReadOnlyList<RejectedCamera> Rejected);
