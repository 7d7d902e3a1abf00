using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Events;

/// <summary>
/// A camera's health change as an event. Its id is the camera and the number of its health changes
/// (<c>{camera}/health/{n}</c>), counted in the camera's persisted state: the event is published only once the state
/// holding both is written, so a publish repeated after a crash carries the same id.
/// </summary>
public static class CameraHealthEvents
{
    /// <summary>The event of the <paramref name="number"/>-th change of the camera's health.</summary>
    public static PendingEvent Changed(
        Guid cameraId, CameraRegistration? registration, long number, CameraHealth previous, CameraHealth current, DateTimeOffset at, string? lastError) =>
        EventJson.Pending(
            $"{cameraId}/health/{number}",
            EventTypes.CameraHealthChanged,
            EventJson.CameraSource(cameraId),
            "health",
            at,
            new CameraHealthEventData(
                cameraId, registration?.Name ?? "", registration?.Borough ?? "", HealthTransitions.Name(previous), HealthTransitions.Name(current), at, lastError));
}
