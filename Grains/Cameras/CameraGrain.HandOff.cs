using Microsoft.Extensions.Logging;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Forecasting;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The hand-off of the persisted outbox to the grains downstream (violation reports to their <c>IViolationGrain</c>,
/// closed buckets to the camera's <c>ICameraForecastGrain</c>). It runs on the thread pool, off the camera's turns:
/// inside a turn, a slow receiver (the alert router behind the violation grains, at a burst of alerts) held every
/// request and poll of the camera queued behind it. What the receivers acknowledged comes back through
/// <see cref="HandOffFinished"/> and only then leaves the outbox, so a crash meanwhile repeats it (both receivers
/// apply repeats once). One hand-off at a time, oldest first, stopping at the first failure: order per episode matters.
/// </summary>
public sealed partial class CameraGrain
{
    private Task? _handOff;

    // A receiver failed: the next poll tries again, rather than the drain every second.
    private bool _handOffFailed;

    private bool HandOffInFlight => _handOff is { IsCompleted: false };

    private bool HasPendingReports =>
        state.State.Outbox.PendingViolationReports.Count > 0 || state.State.Outbox.PendingActivityReports.Count > 0;

    /// <summary>Starts a hand-off of what is pending, unless one is in flight or there is nothing to send.</summary>
    private void StartHandOff()
    {
        var outbox = state.State.Outbox;
        if (HandOffInFlight || _handOffFailed || !HasPendingReports)
        {
            return;
        }

        var reports = outbox.PendingViolationReports.ToList();
        var buckets = outbox.PendingActivityReports.ToList();
        var self = this.AsReference<ICameraGrain>();
        var grains = GrainFactory;
        var (camera, log) = (CameraId, logger);
        _handOff = Task.Run(() => HandOffAsync(grains, self, camera, reports, buckets, log));
    }

    public Task HandOffFinished(CameraHandOffReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var outbox = state.State.Outbox;
        var reports = receipt.Reports.ToHashSet();
        var buckets = receipt.Buckets.ToHashSet();
        var removed = outbox.PendingViolationReports.RemoveAll(r => reports.Contains(new HandedOffReport(r.EpisodeId, r.Sequence)));
        var closed = outbox.PendingActivityReports.RemoveAll(b => buckets.Contains(b.BucketStart));
        outbox.ViolationReportsSent += removed;
        outbox.ActivityReportsSent += closed;
        _handOffFailed = !receipt.Complete;
        _unsaved |= removed + closed > 0;
        if (_unsaved || HasOutbox)
        {
            // The drain writes the acknowledgements, in a turn of its own, and hands on what came in meanwhile.
            DrainSoon();
        }

        return Task.CompletedTask;
    }

    private static async Task HandOffAsync(
        IGrainFactory grains, ICameraGrain self, Guid camera, List<ViolationEpisodeReport> reports, List<ActivityBucketReport> buckets, ILogger log)
    {
        var sentReports = new List<HandedOffReport>();
        var sentBuckets = new List<DateTimeOffset>();
        var complete = true;
        try
        {
            foreach (var report in reports)
            {
                await grains.GetGrain<IViolationGrain>(report.EpisodeId).Report(report);
                sentReports.Add(new HandedOffReport(report.EpisodeId, report.Sequence));
            }

            foreach (var bucket in buckets)
            {
                await grains.GetGrain<ICameraForecastGrain>(camera).RecordActivity(bucket);
                sentBuckets.Add(bucket.BucketStart);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Camera {CameraId} hand-off failed after {Sent} of {Reports} violation reports and {Buckets} of {AllBuckets} buckets; the rest wait for the next poll",
                camera, sentReports.Count, reports.Count, sentBuckets.Count, buckets.Count);
            complete = false;
        }

        try
        {
            await self.HandOffFinished(new CameraHandOffReceipt(sentReports, sentBuckets, complete));
        }
        catch (Exception ex)
        {
            // Still pending in the camera's state: the next drain sends them again, and the receivers apply repeats once.
            log.LogWarning(ex, "Camera {CameraId}: the receipt of {Reports} handed-off reports could not be delivered", camera, sentReports.Count);
        }
    }
}
