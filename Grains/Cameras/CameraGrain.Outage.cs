using Microsoft.Extensions.Logging;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Redis outages. While the silo's Redis connection is down a camera does not try to write its state or hand off its
/// reports: each try would wait for the command timeout (~5 s) and hold the poll, and with it the camera's analysis,
/// behind it. Polling and analysis go on; state and pending reports wait in memory, and a short timer writes and
/// hands them off as soon as the connection is back, without waiting for the next poll (a minute by default).
/// </summary>
public sealed partial class CameraGrain
{
    private static readonly TimeSpan FlushCheckPeriod = TimeSpan.FromSeconds(1);
    private IGrainTimer? _flushTimer;
    private bool _deferring;

    /// <summary>True while the silo's Redis connection is down; logs the change once each way.</summary>
    private bool StorageUnreachable()
    {
        var down = !redis.IsConnected;
        if (down != _deferring)
        {
            _deferring = down;
            if (down)
            {
                logger.LogWarning("Camera {CameraId}: Redis is unreachable; state and hand-offs are kept in memory until it is back", CameraId);
            }
            else
            {
                logger.LogInformation("Camera {CameraId}: Redis is back; writing the state and handing off what was held", CameraId);
            }
        }

        return down;
    }

    /// <summary>
    /// Starts the timer that writes and hands off what is held once Redis answers again. It keeps the activation
    /// alive meanwhile: deactivating would drop what only memory holds.
    /// </summary>
    private void FlushWhenRedisReturns()
    {
        _flushTimer ??= this.RegisterGrainTimer(
            _ => FlushAsync(),
            new GrainTimerCreationOptions(FlushCheckPeriod, FlushCheckPeriod) { KeepAlive = true, Interleave = false });
    }

    private async Task FlushAsync()
    {
        if (StorageUnreachable())
        {
            return;
        }

        await PersistAsync();
        await HandOffAsync();
        if (_unsaved)
        {
            await PersistAsync();
        }

        var s = state.State;
        if (!_unsaved && s.PendingViolationReports.Count == 0 && s.PendingActivityReports.Count == 0)
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
        }
    }
}
