using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A camera hands its reports on in a turn of its own after the poll returns (the drain), so a test that looks
/// downstream right after a poll first waits for the camera's outbox to empty.
/// </summary>
public static class CameraOutbox
{
    /// <summary>The camera's detection status once nothing is pending, within <paramref name="timeout"/> (5 s by default).</summary>
    public static async Task<CameraDetectionStatus> DrainedAsync(IGrainFactory grains, Guid camera, TimeSpan? timeout = null)
    {
        var grain = grains.GetGrain<ICameraGrain>(camera);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var status = await grain.GetDetectionStatus();
            if (status is { PendingViolationReports: 0, PendingActivityReports: 0 })
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"camera {camera} still holds reports: {status}");
            }

            await Task.Delay(20);
        }
    }
}
