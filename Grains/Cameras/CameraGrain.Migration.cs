using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// A camera moved to another silo (<see cref="CameraBalance"/>) keeps its counters: they are not persisted, and a
/// move is not the restart <see cref="CameraCounters.Since"/> tells the reader about. The persisted state moves by itself.
/// </summary>
public sealed partial class CameraGrain
{
    private const string CountersKey = "vibecheck.camera.counters";

    public void OnDehydrate(IDehydrationContext dehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(dehydrationContext);
        dehydrationContext.TryAddValue(CountersKey, _counters.ToContract());
    }

    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(rehydrationContext);
        if (rehydrationContext.TryGetValue(CountersKey, out CameraCounters? counters) && counters is not null)
        {
            _counters = CameraPollCounters.From(counters);
        }
    }
}
