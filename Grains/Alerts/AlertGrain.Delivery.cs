using Microsoft.Extensions.Logging;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Delivery outside the grain's turns. A turn only picks the due outbox items and starts their sends on the thread
/// pool; each send reports its outcome back through <see cref="IAlertGrain.DeliveriesFinished"/>, applied in a
/// turn of its own. So a receiver that hangs for the whole attempt timeout holds up no report, query or plan: they
/// are served while it hangs. The outbox stays persisted as before, so a silo that dies mid-send leaves the item
/// pending and a new activation sends it again with the same idempotency key (at least once).
/// </summary>
public sealed partial class AlertGrain
{
    private readonly Dictionary<string, DateTimeOffset> _inFlight = new(StringComparer.Ordinal);

    public async Task DeliveriesFinished(IReadOnlyList<DeliveryReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
        {
            _inFlight.Remove(report.IdempotencyKey);
        }

        var before = state.State.Outbox;
        var after = worker.Apply(before, reports.Select(ToAttempt).ToList());
        if (!ReferenceEquals(after, before))
        {
            state.State.Outbox = after;
            await state.WriteStateAsync();
            RecordAttempts(before, after);
        }

        await ScheduleAsync();
    }

    /// <summary>A send whose outcome never came back (the report call failed, the silo stopped) is retried after this.</summary>
    private TimeSpan LostSendAfter => worker.AttemptTimeout + TimeSpan.FromMinutes(1);

    /// <summary>Starts the sends of the due items not already in flight; returns at once.</summary>
    private void StartDueDeliveries()
    {
        var now = clock.GetUtcNow();
        foreach (var lost in _inFlight.Where(f => f.Value + LostSendAfter <= now).Select(f => f.Key).ToList())
        {
            logger.LogWarning("No outcome came back for delivery {Key}; sending it again", lost);
            _inFlight.Remove(lost);
        }

        var due = worker.Due(state.State.Outbox, _inFlight.Keys.ToHashSet(StringComparer.Ordinal));
        if (due.Count == 0)
        {
            return;
        }

        foreach (var item in due)
        {
            _inFlight[item.IdempotencyKey] = now;
        }

        var self = this.AsReference<IAlertGrain>();
        var sender = worker;
        var log = logger;
        foreach (var item in due)
        {
            // Off the grain's scheduler: the send must not hold the activation, and it touches no grain state.
            _ = Task.Run(() => SendAndReportAsync(self, sender, item, log));
        }
    }

    /// <summary>When the next delivery is due: the earliest item not in flight, or when an in-flight send counts as lost.</summary>
    private DateTimeOffset? NextDeliveryAt()
    {
        var waiting = state.State.Outbox.Pending.Where(p => !_inFlight.ContainsKey(p.IdempotencyKey)).Select(p => p.NextAttemptAt);
        var lost = _inFlight.Values.Select(started => started + LostSendAfter);
        var times = waiting.Concat(lost).ToList();
        return times.Count == 0 ? null : times.Min();
    }

    private static async Task SendAndReportAsync(IAlertGrain self, DeliveryWorker sender, OutboxItem item, ILogger log)
    {
        try
        {
            var attempt = await sender.SendAsync(item, CancellationToken.None);
            var report = new DeliveryReport(attempt.IdempotencyKey, attempt.Attempt, attempt.Result.Outcome.ToString(), attempt.Result.Reason, attempt.At);
            await self.DeliveriesFinished([report]);
        }
        catch (Exception ex)
        {
            // The item is still pending in the persisted outbox: it is sent again once the send counts as lost.
            log.LogWarning(ex, "Delivery {Key} via {Channel}: its outcome could not be reported", item.IdempotencyKey, item.Channel);
        }
    }

    private static DeliveryAttempt ToAttempt(DeliveryReport report) => new(
        report.IdempotencyKey,
        report.Attempt,
        new DeliveryResult(Enum.TryParse<DeliveryOutcome>(report.Outcome, out var outcome) ? outcome : DeliveryOutcome.Transient, report.Reason),
        report.At);
}
