namespace VibeCheck.Grains.Interfaces.Live;

/// <summary>What happened to a camera, as pushed live to the web page.</summary>
[GenerateSerializer, Alias("vibecheck.camera-event-kind")]
public enum CameraEventKind
{
    /// <summary>The camera's health changed; <see cref="CameraEvent.PreviousHealth"/> says from what.</summary>
    HealthChanged,

    /// <summary>A poll fetched a frame: new (its hash and detection count) or unchanged.</summary>
    FrameProcessed,

    /// <summary>A poll could not fetch the camera's image.</summary>
    FetchFailed,
}

/// <summary>
/// One camera event on the <see cref="LiveStreams.Provider"/> stream: published by the camera grain, read by every
/// gateway and passed on to its server-sent-event clients.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-event")]
public sealed record CameraEvent(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] CameraEventKind Kind,
    [property: Id(2)] CameraHealth Health,
    [property: Id(3)] CameraHealth? PreviousHealth,
    [property: Id(4)] string? FrameHash,
    [property: Id(5)] int? Detections,
    [property: Id(6)] DateTimeOffset At);
