using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Events;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Persisted state of the AlertGrain (Newtonsoft JSON; do not rename members): routing state and the outbox,
/// always written together so a planned notification is never lost between them.
/// </summary>
public sealed class AlertGrainState
{
    /// <summary>Alerts, groups, silences, notification sequence.</summary>
    public AlertingState Alerting { get; set; } = new();

    /// <summary>Pending deliveries, dead letters and delivery history.</summary>
    public Outbox Outbox { get; set; } = new();

    /// <summary>Test alerts sent lately (newest last, bounded), so <c>GET /alerts/{id}</c> finds them.</summary>
    public List<NotifiedAlert> RecentTests { get; set; } = [];

    /// <summary>
    /// Alert events (firing, resolved, acknowledged, escalated) not yet accepted by the events backend, oldest first;
    /// queued in the same write as the change they tell of.
    /// </summary>
    public List<PendingEvent> PendingEvents { get; set; } = [];
}
