namespace VibeCheck.ReplayServer;

/// <summary>Misbehaviour a camera can be told to show, for tests and fault scripts.</summary>
public enum CameraFault
{
    None,
    ServerError,
    Hang,
    NotFound,
    CorruptJpeg,
    TruncatedJpeg,
    Empty,
    Png,
    Html,
    Frozen,
}
