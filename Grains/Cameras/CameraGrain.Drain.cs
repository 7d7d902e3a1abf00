namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The drain: hands the camera's persisted outbox (violation reports, activity buckets) to the grains downstream, and
/// its health events to the events backend, in a turn of its own, after the poll or request that filled it has returned. So neither a poll nor
/// <c>POST /process/camera/{id}</c> waits for the violation grain, the alert router or the warehouse behind it. The
/// same timer writes and hands off what a Redis outage held, once the connection is back.
/// </summary>
public sealed partial class CameraGrain
{
    private static readonly TimeSpan DrainRetryPeriod = TimeSpan.FromSeconds(1);
    private IGrainTimer? _drainTimer;

    private bool HasOutbox =>
        state.State.Outbox.PendingViolationReports.Count > 0 || state.State.Outbox.PendingActivityReports.Count > 0 || state.State.Outbox.PendingEvents.Count > 0;

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

        // Events first: a hand-off marks the state unsaved, and events wait for a saved state.
        var published = await PublishEventsAsync();
        var handedOff = await HandOffAsync() && published;
        if (_unsaved)
        {
            await PersistAsync();
        }

        // Done, or a receiver failed: a failing receiver is tried again with the next poll rather than every second.
        if ((!_unsaved && !HasOutbox) || (!handedOff && !StorageUnreachable()))
        {
            _drainTimer?.Dispose();
            _drainTimer = null;
        }
    }
}
