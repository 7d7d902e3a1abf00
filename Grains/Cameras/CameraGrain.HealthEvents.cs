using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Health events out (<c>org.vibecheck.camera.health_changed</c>), through the camera's outbox and drain like its
/// reports: queued with the change, published by the drain once the state holding them is written, removed (and that
/// written) once the backend accepted them. A Redis outage holds them in memory with the rest of the state.
/// </summary>
public sealed partial class CameraGrain
{
    private void QueueHealthEvent(CameraHealth previous, CameraHealth current)
    {
        var s = state.State;
        s.Outbox.HealthChanges++;
        if (events.Enabled)
        {
            s.Outbox.PendingEvents.Add(CameraHealthEvents.Changed(CameraId, s.Enrolment.Registration, s.Outbox.HealthChanges, previous, current, clock.GetUtcNow(), s.Enrolment.LastError));
        }
    }

    /// <summary>False when events wait: not yet written with the state (their ids would not be settled), or refused.</summary>
    private async Task<bool> PublishEventsAsync()
    {
        if (state.State.Outbox.PendingEvents.Count == 0)
        {
            return true;
        }

        if (_unsaved || StorageUnreachable() || !await events.PublishAsync(state.State.Outbox.PendingEvents))
        {
            return false;
        }

        _unsaved = true;
        return true;
    }
}
