using Microsoft.Extensions.Logging;
using VibeCheck.Alerting;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Grains.Violations;

/// <summary>
/// One violation episode: its confidence history, evidence and lifecycle. Decides the tier with
/// <see cref="TierPolicy"/> (robust, only rising), forwards the alert (MEDIUM and HIGH, and their resolution) to the
/// <see cref="IAlertGrain"/>, publishes its events (opened, tier raised, resolved) and writes the episode's row to the
/// warehouse, each at least once: the events and the row are sent and acknowledged before the state says so, and a
/// failed publish or write is retried by a reminder, which survives the silo. Each report costs one state write.
/// </summary>
public sealed class ViolationGrain(
    [PersistentState("violation", AlertStorageNames.Violations)] IPersistentState<ViolationState> state,
    TierPolicy tierPolicy,
    IWarehouseWriter warehouse,
    EventPublisher events,
    AlertRouters alertRouters,
    ILogger<ViolationGrain> logger) : Grain, IViolationGrain, IRemindable
{
    private const int MaxEvidenceFrames = 64;
    // Retries whatever is owed, the warehouse row or events; the name predates events and is kept for existing reminders.
    private const string RetryReminder = "warehouse-retry";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarehouseWriteTimeout = TimeSpan.FromSeconds(10);

    // Whether the retry reminder may exist, so that the reminder table is only read when it might.
    private bool _retryMayBeRegistered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _retryMayBeRegistered = Owed;
        return Task.CompletedTask;
    }

    public async Task Report(ViolationEpisodeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = state.State;
        if (report.Sequence > s.LastSequence)
        {
            Apply(s, report);
        }

        // One state write per report, after the alert update and the warehouse row went out. A crash before it loses
        // nothing: the camera keeps the report until this call returns and repeats it; the repeat applies afresh and
        // sends the same alert update (idempotent by fingerprint) and the same row (one per episode) again. A repeat
        // of a report applied before does the steps that may have failed the first time.
        // The episode's events first, so a consumer reads of the change before the alert it raises (a publish fails
        // fast without Redis and gives up after Events:PublishTimeout); then the alert, as a slow or failing warehouse
        // must not hold up a notification. All before the write, which records them as done; the repeat of a report
        // publishes what is still queued again, with the same ids.
        await PublishAsync();
        await ForwardAsync();
        await RecordAsync();
        await state.WriteStateAsync();
        await StopRetryingWhenRecordedAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RetryReminder)
        {
            _retryMayBeRegistered = true;
            var published = state.State.PendingEvents.Count > 0 && await events.PublishAsync(state.State.PendingEvents);
            if (await RecordAsync() | published)
            {
                await state.WriteStateAsync();
            }

            await StopRetryingWhenRecordedAsync();
        }
    }

    private void Apply(ViolationState s, ViolationEpisodeReport report)
    {
        var (previousLifecycle, previousTier) = (s.Lifecycle, s.Confidence.Tier);
        s.LastSequence = report.Sequence;
        s.EpisodeId = report.EpisodeId;
        s.CameraId = report.CameraId;
        s.CameraName = report.CameraName;
        s.Borough = report.Borough;
        s.Type = report.Type;
        s.Zone = report.Zone;
        s.Detector = report.Detector;
        s.StartedAt = report.StartedAt;
        s.LastObservedAt = report.ObservedAt;
        var resolved = report.Status == ViolationEpisodeStatus.Resolved;
        if (s.EndedAt is null)
        {
            // Scores only count while the episode is open; a resolved episode keeps its tier.
            s.Confidence = tierPolicy.Observe(s.Confidence, Math.Clamp(double.IsNaN(report.Confidence) ? 0 : report.Confidence, 0, 1));
        }

        s.Lifecycle = resolved ? "resolved" : s.Lifecycle.Length == 0 ? "open" : "updated";
        s.EndedAt = resolved ? report.EndedAt ?? report.ObservedAt : null;
        s.FrameHashes = s.FrameHashes.Concat(report.FrameHashes.Where(h => !s.FrameHashes.Contains(h))).TakeLast(MaxEvidenceFrames).ToList();
        s.Boxes = [.. report.Boxes];
        if (events.Enabled)
        {
            s.PendingEvents.AddRange(ViolationEvents.Changes(previousLifecycle, previousTier, s));
        }
    }

    private async Task ForwardAsync()
    {
        var s = state.State;
        if (s.ForwardedSequence >= s.LastSequence)
        {
            return;
        }

        var tier = s.Confidence.Tier;
        var resolved = s.EndedAt is not null;
        var send = tier >= AlertTier.Medium && (s.ForwardedTier != tier || (resolved && !s.ForwardedResolved));
        if (send)
        {
            var confidence = s.ReportedConfidence();
            await alertRouters.ForCamera(s.CameraId).ReportViolation(new ViolationAlertUpdate(
                s.EpisodeId, s.CameraId, s.CameraName, s.Type, s.Zone, s.Borough, confidence,
                tier.ToViolationTier(), s.StartedAt, s.EndedAt));
            s.ForwardedTier = tier;
            s.ForwardedResolved = resolved;
        }

        s.ForwardedSequence = s.LastSequence;
    }

    /// <summary>
    /// Publishes the episode's queued events; a failure keeps them queued (persisted by the caller's write) and
    /// registers the retry reminder. Later reports publish them first, so the episode's events keep their order.
    /// </summary>
    private async Task PublishAsync()
    {
        if (state.State.PendingEvents.Count == 0 || await events.PublishAsync(state.State.PendingEvents))
        {
            return;
        }

        _retryMayBeRegistered = true;
        await this.RegisterOrUpdateReminder(RetryReminder, RetryPeriod, RetryPeriod);
    }

    /// <summary>
    /// Writes the episode's row when the warehouse has not acknowledged the latest sequence; true when that changed
    /// the state (to be persisted by the caller). The write is idempotent (one row per episode), so a retry after an
    /// unrecorded acknowledgement only rewrites the same row. A failed write registers the retry reminder.
    /// </summary>
    private async Task<bool> RecordAsync()
    {
        var s = state.State;
        if (s.WarehouseSequence >= s.LastSequence)
        {
            return false;
        }

        var confidence = s.ReportedConfidence();
        var row = new ViolationRecord(
            s.EpisodeId, s.CameraId.ToString(), s.Type, s.Zone, AlertWireNames.Of(s.Confidence.Tier), confidence,
            s.StartedAt, s.EndedAt, s.FrameHashes, s.Detector, s.Borough);
        var sequence = s.LastSequence;
        string? failure;
        try
        {
            // Through the silo's batching writer, as every other row: it writes the batch holding this row at once,
            // together with whatever other grains queued meanwhile, and says whether it arrived.
            using var timeout = new CancellationTokenSource(WarehouseWriteTimeout);
            failure = await warehouse.WriteAsync(row, timeout.Token) ? null : "dead-lettered by the warehouse writer";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex.Message;
        }

        if (failure is not null)
        {
            logger.LogWarning("Warehouse write of episode {Episode} failed ({Failure}); retried every {Period}", s.EpisodeId, failure, RetryPeriod);
            // Persisted before the call returns: if even this fails, the camera keeps the report and repeats it.
            _retryMayBeRegistered = true;
            await this.RegisterOrUpdateReminder(RetryReminder, RetryPeriod, RetryPeriod);
            return false;
        }

        s.WarehouseSequence = Math.Max(s.WarehouseSequence, sequence);
        return true;
    }

    /// <summary>Whether a warehouse row or events are still owed.</summary>
    private bool Owed => state.State.WarehouseSequence < state.State.LastSequence || state.State.PendingEvents.Count > 0;

    private async Task StopRetryingWhenRecordedAsync()
    {
        if (!_retryMayBeRegistered || Owed)
        {
            return;
        }

        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _retryMayBeRegistered = false;
    }
}
