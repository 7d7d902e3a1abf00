using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// Reads and silences of the AlertGrain. The front answers for every router: it adds the shards' answers to its own
/// (a camera's alerts are asked of that camera's shard only). Silences are the front's; shards get them shared.
/// </summary>
public sealed partial class AlertGrain
{
    public async Task<IReadOnlyList<AlertView>> List(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var own = OwnAlerts(query);
        IReadOnlyList<IAlertGrain> asked = query.Camera is not null && Guid.TryParse(query.Camera, out var camera)
            ? ShardHolding(camera) is { } shard ? [shard] : []
            : _shards;
        if (asked.Count == 0)
        {
            return own;
        }

        var theirs = await Task.WhenAll(asked.Select(s => s.List(query)));
        return [.. own.Concat(theirs.SelectMany(a => a)).OrderByDescending(a => a.UpdatedAt)];
    }

    private IReadOnlyList<AlertView> OwnAlerts(AlertQuery query)
    {
        var now = clock.GetUtcNow();
        var muted = Muted(now);
        var tier = query.Tier is null ? null : AlertViews.ParseTier(query.Tier);
        return state.State.Alerting.Alerts
            .Where(a => query.Status is null || string.Equals(AlertWireNames.Of(a.Status), query.Status, StringComparison.OrdinalIgnoreCase))
            .Where(a => tier is null || a.Tier == tier)
            .Where(a => query.Camera is null || string.Equals(a.Label(AlertLabels.Camera), query.Camera, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => AlertViews.Of(a, muted))
            .ToList();
    }

    public async Task<AlertDetails?> Get(string fingerprint)
    {
        if (OwnDetails(fingerprint) is { } own)
        {
            return own;
        }

        var theirs = await Task.WhenAll(_shards.Select(s => s.Get(fingerprint)));
        return theirs.FirstOrDefault(d => d is not null);
    }

    private AlertDetails? OwnDetails(string fingerprint)
    {
        var now = clock.GetUtcNow();
        var outbox = state.State.Outbox;
        var alert = state.State.Alerting.Find(fingerprint);
        var history = outbox.HistoryOf(fingerprint);
        AlertView? view = alert is not null ? AlertViews.Of(alert, Muted(now))
            : CarriedAlert(fingerprint) is { } carried ? AlertViews.Of(carried)
            : null;
        if (view is null)
        {
            return null;
        }

        return new AlertDetails(
            view,
            history.Select(AlertViews.Of).ToList(),
            outbox.Pending.Where(p => p.Notification.Alerts.Any(a => a.Fingerprint == fingerprint)).Select(AlertViews.Of).ToList(),
            outbox.DeadLetters.Where(d => d.Item.Notification.Alerts.Any(a => a.Fingerprint == fingerprint)).Select(AlertViews.Of).ToList());
    }

    public Task<IReadOnlyList<SilenceView>> Silences()
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<SilenceView> result = state.State.Alerting.Silences.Select(s => AlertViews.Of(s, now)).ToList();
        return Task.FromResult(result);
    }

    public async Task<IReadOnlyList<string>> AddSilence(SilenceView silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var (model, errors) = AlertViews.ToSilence(silence);
        if (model is null || errors.Count > 0)
        {
            return errors;
        }

        var validation = model.Validate();
        if (validation.Count > 0)
        {
            return validation;
        }

        await ChangeAsync((s, _) => s.AddSilence(model));
        return [];
    }

    public async Task<bool> ExpireSilence(string id)
    {
        var expired = state.State.Alerting.ExpireSilence(id, clock.GetUtcNow());
        if (expired is null)
        {
            return false;
        }

        await ChangeAsync((_, _) => expired);
        return true;
    }

    public async Task<IReadOnlyList<DeadLetterView>> DeadLetters()
    {
        var theirs = await Task.WhenAll(_shards.Select(s => s.DeadLetters()));
        return [.. state.State.Outbox.DeadLetters.Select(AlertViews.Of).Concat(theirs.SelectMany(d => d)).OrderBy(d => d.DeadAt)];
    }

    public async Task<IReadOnlyList<DeliveryView>> PendingDeliveries()
    {
        var theirs = await Task.WhenAll(_shards.Select(s => s.PendingDeliveries()));
        return [.. state.State.Outbox.Pending.Select(AlertViews.Of).Concat(theirs.SelectMany(d => d))];
    }

    private NotifiedAlert? CarriedAlert(string fingerprint)
    {
        var outbox = state.State.Outbox;
        // Test alerts are not kept in the routing state; the notifications that carried them are.
        return state.State.RecentTests
            .Concat(outbox.Pending.Select(p => p.Notification).Concat(outbox.DeadLetters.Select(d => d.Item.Notification)).SelectMany(n => n.Alerts))
            .FirstOrDefault(a => a.Fingerprint == fingerprint);
    }
}
