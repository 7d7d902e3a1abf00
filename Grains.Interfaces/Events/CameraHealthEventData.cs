namespace VibeCheck.Grains.Interfaces.Events;

/// <summary>
/// The <c>data</c> of <c>org.vibecheck.camera.health_changed</c> (schema: <c>camera-health.schema.json</c>); health
/// names as in the API: <c>unknown</c>, <c>online</c>, <c>offline</c>, <c>frozen</c>, <c>being_serviced</c>.
/// </summary>
public sealed record CameraHealthEventData(
    Guid CameraId,
    string CameraName,
    string Borough,
    string Previous,
    string Current,
    DateTimeOffset Since,
    string? LastError);
