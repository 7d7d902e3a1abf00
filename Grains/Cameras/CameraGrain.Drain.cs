namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The drain: publishes the camera's health events and starts the hand-off of its persisted outbox (violation reports,
/// activity buckets; <c>CameraGrain.HandOff.cs</c>, off the camera's turns) after the poll or request that filled it
/// has returned, and writes what the hand-off's receipt acknowledged. So neither a poll nor <c>POST /process/camera/{id}</c>
/// waits for the violation grain, the alert router or the warehouse behind it. The same timer writes and hands off
/// what a Redis outage held, once the connection is back.
/// </summary>
public sealed partial class CameraGrain
{
    private static readonly TimeSpan DrainRetryPeriod = TimeSpan.FromSeconds(1);
    private IGrainTimer? _drainTimer;

    private bool HasOutbox => HasPendingReports || state.State.Outbox.PendingEvents.Count > 0;

    /// <summary>
    /// Drains right after the current turn, then every second while Redis is unreachable. It keeps the activation
    /// alive meanwhile: deactivating would drop what only memory holds.
    /// </summary>
    private void DrainSoon()
    {
        _drainTimer ??= this.RegisterGrainTimer(
            _ => DrainAsync(),
            new GrainTimerCreationOptions(TimeSpan.Zero, DrainRetryPeriod) { KeepAlive = true, Interleave = false });
    }

    private async Task DrainAsync()
    {
        if (StorageUnreachable())
        {
            return;
        }

        if (_unsaved)
        {
            await PersistAsync();
        }

        // Events wait for a saved state (their ids are settled with it); publishing them marks it unsaved again.
        var published = await PublishEventsAsync();
        StartHandOff();
        if (_unsaved)
        {
            await PersistAsync();
        }

        // Done for now: written, and what is left waits for others. A hand-off in flight restarts the drain with its
        // receipt; a failing receiver or events backend is tried again with the next poll rather than every second.
        var reportsWait = !HasPendingReports || HandOffInFlight || _handOffFailed;
        var eventsWait = state.State.Outbox.PendingEvents.Count == 0 || !published;
        if (!StorageUnreachable() && !_unsaved && reportsWait && eventsWait)
        {
            _drainTimer?.Dispose();
            _drainTimer = null;
        }
    }
}
