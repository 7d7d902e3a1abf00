using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>The registry grain's persisted state: the last good camera list and the last sync's outcome.</summary>
public sealed class RegistryState
{
    public List<CameraRegistration> Cameras { get; set; } = [];
    public List<Guid> Watched { get; set; } = [];
    public RegistrySyncReport? LastSync { get; set; }
    public DateTimeOffset? LastSuccessfulSyncAt { get; set; }
}
