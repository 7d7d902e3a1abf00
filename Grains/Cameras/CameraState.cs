namespace VibeCheck.Grains.Cameras;

/// <summary>
/// A camera grain's persisted state (Redis hash <c>{ServiceId}/state/camera/{id}/camera</c>), in three sections: what
/// the registry says and how the camera is doing, what it sees, and what it still has to hand on. Stored as JSON with
/// the type names inside: rename nothing here without a migration (<c>CameraState.Legacy.cs</c> is the one for the
/// flat layout written before the split). Counts of fetches, frames and cache answers are not persisted: the metrics
/// count them, and the grain keeps its own since activation (<see cref="CameraPollCounters"/>).
/// </summary>
public sealed partial class CameraState
{
    public CameraEnrolment Enrolment { get; set; } = new();

    public CameraSight Sight { get; set; } = new();

    public CameraOutbox Outbox { get; set; } = new();
}
