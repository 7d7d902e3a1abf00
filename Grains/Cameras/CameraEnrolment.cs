using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>The camera's registration and health: a section of <see cref="CameraState"/>.</summary>
public sealed class CameraEnrolment
{
    public CameraRegistration? Registration { get; set; }
    public bool Watched { get; set; }
    public bool Removed { get; set; }
    public CameraHealth Health { get; set; }
    public DateTimeOffset? HealthSince { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
}
