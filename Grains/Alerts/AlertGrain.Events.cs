using VibeCheck.Alerting;
using VibeCheck.Grains.Events;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Alert events out. A change's events enter <see cref="AlertGrainState.PendingEvents"/> in the write that persists
/// the change and are published right after it. A failed publish is retried by the grain's timer with a backoff
/// (1 s doubling to 30 s), and the resume reminder stays while events wait, so a silo that dies first leaves them to
/// the next activation. A published outbox is persisted empty with the next write; a crash before that publishes
/// the same events again, with the same ids.
/// </summary>
public sealed partial class AlertGrain
{
    private static readonly TimeSpan FirstEventRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastEventRetry = TimeSpan.FromSeconds(30);
    private TimeSpan _eventRetryDelay = FirstEventRetry;
    private DateTimeOffset? _eventRetryAt;

    private void QueueEvents(AlertingState before, AlertingState after)
    {
        if (events.Enabled && !ReferenceEquals(before, after))
        {
            state.State.PendingEvents.AddRange(AlertEvents.Changes(before, after));
        }
    }

    private async Task PublishEventsAsync()
    {
        if (state.State.PendingEvents.Count == 0 || await events.PublishAsync(state.State.PendingEvents))
        {
            _eventRetryAt = null;
            _eventRetryDelay = FirstEventRetry;
            return;
        }

        _eventRetryAt = clock.GetUtcNow() + _eventRetryDelay;
        _eventRetryDelay = TimeSpan.FromTicks(Math.Min(LastEventRetry.Ticks, _eventRetryDelay.Ticks * 2));
    }

    /// <summary>When queued events are to be published: <paramref name="now"/>, or after the backoff of a failed publish.</summary>
    private DateTimeOffset? NextEventPublishAt(DateTimeOffset now) =>
        state.State.PendingEvents.Count == 0 ? null : _eventRetryAt ?? now;
}
