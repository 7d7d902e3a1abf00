using Microsoft.Extensions.Logging;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Redis outages. While the silo's Redis connection is down a camera does not try to write its state or hand off its
/// reports: each try would wait for the command timeout (~5 s) and hold the poll, and with it the camera's analysis,
/// behind it. Polling and analysis go on; state and pending reports wait in memory, and the drain
/// (CameraGrain.Drain.cs) writes and hands them off as soon as the connection is back, without waiting for the next
/// poll (a minute by default).
/// </summary>
public sealed partial class CameraGrain
{
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

    private string UnsavedOwner => $"camera {CameraId}";

    /// <summary>Marks the state unsaved and tells the silo what a stop now would give up.</summary>
    private void MarkUnsaved()
    {
        _unsaved = true;
        unsavedWork.Hold(UnsavedOwner, DescribeUnsaved());
    }

    private string DescribeUnsaved() =>
        $"its state with {state.State.Outbox.PendingViolationReports.Count} violation report(s) and {state.State.Outbox.PendingActivityReports.Count} activity report(s) not yet handed on";
}
