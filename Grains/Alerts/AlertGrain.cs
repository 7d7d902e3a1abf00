using Microsoft.Extensions.Logging;
using VibeCheck.Alerting;
using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Routes alerts with the alerting library's Alertmanager semantics. Every change is planned
/// (<see cref="NotificationPlanner"/>), the notifications enter the outbox, and state and outbox are persisted
/// in one write before anything is sent; a grain timer then starts the sends of what is due, outside the grain's
/// turns (AlertGrain.Delivery.cs), and wakes up for the next group flush, escalation or retry. A reminder
/// reactivates the grain after a silo crash so pending deliveries resume with their idempotency keys unchanged.
/// Alert events go out the same way: queued in the write of their change, published after it (AlertGrain.Events.cs).
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState("alerts", AlertStorageNames.Alerts)] IPersistentState<AlertGrainState> state,
    NotificationPlanner planner,
    DeliveryWorker worker,
    IAnalyticsRecorder analytics,
    EventPublisher events,
    AlertRouters routers,
    TimeProvider clock,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    private const string ResumeReminder = "alert-outbox";
    private const int RecentTestLimit = 20;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private IGrainTimer? _timer;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            state.State.Alerting = new AlertingState { Scope = $"vibecheck-{this.GetPrimaryKeyString()}" };
        }

        // A shard sees only its own cameras; the front decides the outage from every shard's count.
        state.State.Alerting = state.State.Alerting with { DetectsOutage = IsFront };
        _shards = IsFront ? routers.Shards() : [];
        await HandOverCameraAlertsAsync();

        _timer = this.RegisterGrainTimer(
            _ => TickAsync(),
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = false });
        _reminderRegistered = await this.GetReminder(ResumeReminder) is not null;
        await ScheduleAsync();
    }

    public async Task ReportViolation(ViolationAlertUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (ShardHolding(update.CameraId) is { } shard)
        {
            await shard.ReportViolation(update);
            return;
        }

        var now = clock.GetUtcNow();
        var tier = update.Tier.ToAlertTier();
        var episode = new ViolationEpisodeInfo(
            update.EpisodeId, update.CameraId.ToString(), update.CameraName, update.ViolationType, update.Zone, update.Borough,
            update.Confidence, update.StartedAt);
        var alert = ViolationAlerts.From(episode, tier, now);
        var s = state.State.Alerting;
        var existing = s.Find(alert.Fingerprint);
        if (update.EndedAt is not null)
        {
            // A resolution of an alert never raised still records it, so the episode is listed.
            s = existing is null ? s.Upsert(alert, now) : s;
            s = s.Resolve(alert.Fingerprint, update.EndedAt.Value < now ? update.EndedAt.Value : now);
        }
        else
        {
            s = s.Upsert(alert, now);
        }

        var plan = planner.Plan(s, now);
        await CommitAsync(WithUnheardResolution(plan, alert.Fingerprint, now), now);
    }

    /// <summary>
    /// Grouping sends a resolution only for alerts notified while firing, so an episode that opened and ended before
    /// its group flushed would never be heard of. That is the rule after any delay upstream (a Redis outage holds the
    /// cameras' reports, which then arrive within milliseconds): such a MEDIUM or HIGH alert goes out once, on its own,
    /// as resolved.
    /// </summary>
    private NotificationPlan WithUnheardResolution(NotificationPlan plan, string fingerprint, DateTimeOffset now)
    {
        var alert = plan.State.Find(fingerprint);
        if (alert is not { Status: AlertStatus.Resolved, FirstNotifiedAt: null } || alert.Tier < AlertTier.Medium
            || AlertSuppression.Compute(plan.State, planner.InhibitRules, now).ContainsKey(fingerprint))
        {
            return plan;
        }

        var once = planner.SendNow(plan.State, alert, now);
        var marked = once.State with
        {
            Alerts = once.State.Alerts.Select(a => a.Fingerprint == fingerprint ? a with { FirstNotifiedAt = now } : a).ToList(),
        };
        return new NotificationPlan(marked, [.. plan.Notifications, .. once.Notifications]);
    }

    public async Task ReportCameraHealth(CameraHealthSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (ShardHolding(signal.CameraId) is { } shard)
        {
            await shard.ReportCameraHealth(signal);
            return;
        }

        var camera = signal.CameraId.ToString();
        CameraCondition? wanted = signal.Health switch
        {
            CameraHealth.Offline => CameraCondition.Offline,
            CameraHealth.Frozen => CameraCondition.Frozen,
            CameraHealth.BeingServiced => CameraCondition.BeingServiced,
            _ => null,
        };
        var now = clock.GetUtcNow();
        var current = state.State.Alerting;
        var firing = current.Alerts
            .Where(a => a.Status == AlertStatus.Firing && a.Label(AlertLabels.Camera) == camera
                && AlertNames.CameraConditions.Contains(a.Label(AlertLabels.AlertName)))
            .ToList();
        var desired = wanted is { } c ? SystemAlerts.Camera(camera, signal.Borough, c, now) : null;
        var unchanged = firing.All(a => a.Fingerprint == desired?.Fingerprint)
            && (desired is null || firing.Count == 1)
            && (signal.KnownCameras <= 0 || signal.KnownCameras == current.KnownCameraCount);
        if (unchanged)
        {
            return;
        }

        await ChangeAsync((s, at) =>
        {
            foreach (var a in firing.Where(a => a.Fingerprint != desired?.Fingerprint))
            {
                s = s.Resolve(a.Fingerprint, at);
            }

            s = desired is null ? s : s.Upsert(desired, at);
            return signal.KnownCameras > 0 ? s with { KnownCameraCount = signal.KnownCameras } : s;
        });
    }

    public Task ReportSystemCondition(SystemConditionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ChangeAsync((s, now) =>
        {
            var alert = update.Condition switch
            {
                SystemCondition.RedisUnreachable => SystemAlerts.RedisUnreachable(update.Detail, now),
                SystemCondition.RedisSlow => SystemAlerts.RedisSlow(
                    TimeSpan.FromMilliseconds(update.Value), TimeSpan.FromMilliseconds(update.Threshold), now),
                _ => SystemAlerts.PerformanceDegraded(update.Metric, update.Value, update.Threshold, update.Window, now),
            };
            return update.Firing ? s.Upsert(alert, now) : s.Resolve(alert.Fingerprint, now);
        });
    }

    public Task ReportUnusualActivity(UnusualActivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (ShardHolding(report.CameraId) is { } shard)
        {
            return shard.ReportUnusualActivity(report);
        }

        return ChangeAsync((s, now) =>
        {
            var alert = SystemAlerts.UnusualActivity(
                report.CameraId.ToString(), report.BucketStart, report.Value, report.Expected, report.Lower, report.Upper, now);
            return report.Firing ? s.Upsert(alert, now) : s.Resolve(alert.Fingerprint, now);
        });
    }

    public async Task<AlertView?> Acknowledge(string fingerprint, string by)
    {
        var now = clock.GetUtcNow();
        var acknowledged = state.State.Alerting.Acknowledge(fingerprint, by, now);
        if (acknowledged is null)
        {
            var answers = await Task.WhenAll(_shards.Select(s => s.Acknowledge(fingerprint, by)));
            return answers.FirstOrDefault(a => a is not null);
        }

        await ChangeAsync((_, _) => acknowledged);
        return AlertViews.Of(state.State.Alerting.Find(fingerprint)!, Muted(now));
    }

    public async Task<TestAlertReceipt> SendTest(string tier)
    {
        var parsed = AlertViews.ParseTier(tier) ?? throw new ArgumentException($"unknown tier '{tier}'", nameof(tier));
        var now = clock.GetUtcNow();
        var alert = SystemAlerts.Test(parsed, Guid.NewGuid().ToString("N"), now);
        var plan = planner.SendNow(state.State.Alerting, alert, now);
        state.State.RecentTests = state.State.RecentTests.Append(NotifiedAlert.From(alert)).TakeLast(RecentTestLimit).ToList();
        await CommitAsync(plan, now);
        var sent = plan.Notifications.Single();
        return new TestAlertReceipt(alert.Fingerprint, sent.Id, sent.Channels);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ResumeReminder)
        {
            await TickAsync();
        }
    }

    /// <summary>Applies a change, plans, persists state and outbox together, then lets the timer deliver.</summary>
    private async Task ChangeAsync(Func<AlertingState, DateTimeOffset, AlertingState> change)
    {
        var now = clock.GetUtcNow();
        var changed = change(state.State.Alerting, now);
        await CommitAsync(planner.Plan(changed, now), now);
    }

    private async Task CommitAsync(NotificationPlan plan, DateTimeOffset now)
    {
        QueueEvents(state.State.Alerting, plan.State);
        state.State.Alerting = plan.State;
        state.State.Outbox = state.State.Outbox.Enqueue(plan.Notifications, now);
        await state.WriteStateAsync();
        RecordQueued(plan.Notifications);
        await PublishEventsAsync();
        await ReportHealthIfChangedAsync();
        await ShareContextIfChangedAsync();
        await ScheduleAsync();
    }

    /// <summary>Timer and reminder: plan what fell due, deliver what is due, sleep until the next moment.</summary>
    private async Task TickAsync()
    {
        var now = clock.GetUtcNow();
        var plan = planner.Plan(state.State.Alerting, now);
        if (plan.Notifications.Count > 0 || plan.State != state.State.Alerting)
        {
            QueueEvents(state.State.Alerting, plan.State);
            state.State.Alerting = plan.State;
            state.State.Outbox = state.State.Outbox.Enqueue(plan.Notifications, now);
            await state.WriteStateAsync();
            RecordQueued(plan.Notifications);
        }

        if (NextEventPublishAt(now) <= now)
        {
            await PublishEventsAsync();
        }

        StartDueDeliveries();
        if (_handoverRetryAt <= now)
        {
            // Activation handed over what it could; only a failed hand-over is tried again.
            await HandOverCameraAlertsAsync();
        }

        await ReportHealthIfChangedAsync();
        await ShareContextIfChangedAsync();
        await ScheduleAsync();
    }

    private async Task ScheduleAsync()
    {
        var now = clock.GetUtcNow();
        var times = new[] { planner.NextWakeUp(state.State.Alerting, now), NextDeliveryAt(), NextEventPublishAt(now), NextContextShareAt(now), _handoverRetryAt }
            .OfType<DateTimeOffset>().ToList();
        if (times.Count == 0)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_reminderRegistered && state.State.Outbox.Pending.Count == 0 && _inFlight.Count == 0 && state.State.Alerting.Groups.Count == 0)
            {
                var reminder = await this.GetReminder(ResumeReminder);
                if (reminder is not null)
                {
                    await this.UnregisterReminder(reminder);
                }

                _reminderRegistered = false;
            }

            return;
        }

        var wait = times.Min() - now;
        _timer?.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
    }

    private IReadOnlyDictionary<string, string> Muted(DateTimeOffset now) =>
        AlertSuppression.Compute(state.State.Alerting, planner.InhibitRules, now);

    private void RecordQueued(IReadOnlyList<Notification> notifications)
    {
        foreach (var n in notifications)
        {
            foreach (var alert in n.Alerts)
            {
                foreach (var channel in n.Channels.DefaultIfEmpty("none"))
                {
                    Record(new AlertEventRecord(alert.Fingerprint, alert.Labels.GetValueOrDefault(AlertLabels.Episode, ""), channel,
                        n.Channels.Count == 0 ? "dead" : "pending", 0, null));
                }
            }
        }
    }

    private void RecordAttempts(Outbox before, Outbox after)
    {
        var dead = after.DeadLetters.Select(d => d.Item.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        foreach (var attempt in after.History.Except(before.History))
        {
            var status = attempt.Outcome == DeliveryOutcome.Success ? "sent" : dead.Contains(attempt.IdempotencyKey) ? "dead" : "retrying";
            foreach (var fingerprint in attempt.Fingerprints)
            {
                var episode = state.State.Alerting.Find(fingerprint)?.Label(AlertLabels.Episode) ?? "";
                Record(new AlertEventRecord(fingerprint, episode, attempt.Channel, status, attempt.Attempt,
                    attempt.Outcome == DeliveryOutcome.Success ? attempt.At : null));
            }
        }
    }

    private void Record(AlertEventRecord row)
    {
        if (!analytics.Record(row))
        {
            logger.LogWarning("Warehouse refused the alert event of {Alert} on {Channel}", row.AlertId, row.Channel);
        }
    }
}
