using VibeCheck.Gateway.Contracts;
using VibeCheck.Grains.Interfaces.Live;

namespace VibeCheck.Gateway.Live;

/// <summary>
/// The JSON of one <c>camera</c> server-sent event: <c>kind</c> is <c>health_changed</c>, <c>frame_processed</c>
/// or <c>fetch_failed</c>; health names as in <c>GET /cameras</c>.
/// </summary>
public sealed record LiveMessage(
    Guid CameraId, string Kind, string Health, string? PreviousHealth, string? FrameHash, int? Detections, DateTimeOffset At)
{
    public static LiveMessage From(CameraEvent e) => new(
        e.CameraId,
        e.Kind switch
        {
            CameraEventKind.HealthChanged => "health_changed",
            CameraEventKind.FrameProcessed => "frame_processed",
            _ => "fetch_failed",
        },
        HealthNames.Of(e.Health),
        e.PreviousHealth is { } previous ? HealthNames.Of(previous) : null,
        e.FrameHash,
        e.Detections,
        e.At);
}
