using Microsoft.Extensions.Logging;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>
/// The front and its shards. Every camera's alerts live in one shard, so grouping and the camera's own inhibition
/// (an offline camera mutes its violations) stay inside it. What crosses shards travels two ways only: the front
/// shares its silences and inhibiting alerts with every shard (awaited, in the front's turn), and a shard tells the
/// front its count of unhealthy cameras (one-way, so no turn of a shard ever waits for the front, and the front may
/// wait for shards without the two waiting on each other). The front's answer to a context share carries each
/// shard's count as well, so a one-way message lost with a silo is made good by the front's next share.
/// </summary>
public sealed partial class AlertGrain
{
    private static readonly TimeSpan ContextShareRetry = TimeSpan.FromSeconds(5);
    private IReadOnlyList<IAlertGrain> _shards = [];
    private string? _sharedContext;
    private DateTimeOffset? _contextShareRetryAt;
    private RouterHealth? _reportedHealth;

    private bool IsFront => this.GetPrimaryKeyString() == IAlertGrain.Key;

    public async Task<RouterHealth> ShareContext(RouterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        var silences = context.Silences.Select(v => AlertViews.ToSilence(v).Silence).OfType<Silence>().ToList();
        var inhibitors = context.Inhibitors.Select(AlertViews.ToInhibitor).ToList();
        var current = state.State.Alerting;
        if (ContextSignature(current.Silences, current.Inhibitors) != ContextSignature(silences, inhibitors))
        {
            await ChangeAsync((s, _) => s with { Silences = silences, Inhibitors = inhibitors });
        }

        _reportedHealth = OwnHealth();
        return _reportedHealth;
    }

    public Task ReportRouterHealth(RouterHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var current = state.State.Alerting;
        var updated = WithHealth(current, [health]);
        return ReferenceEquals(updated, current) ? Task.CompletedTask : ChangeAsync((_, _) => updated);
    }

    private RouterHealth OwnHealth() =>
        new(this.GetPrimaryKeyString(), state.State.Alerting.UnhealthyCameraCount, state.State.Alerting.KnownCameraCount);

    private static AlertingState WithHealth(AlertingState s, IReadOnlyList<RouterHealth> healths)
    {
        var elsewhere = new Dictionary<string, int>(s.UnhealthyCamerasElsewhere, StringComparer.Ordinal);
        var known = s.KnownCameraCount;
        var changed = false;
        foreach (var h in healths)
        {
            changed |= !elsewhere.TryGetValue(h.Router, out var before) || before != h.UnhealthyCameras;
            elsewhere[h.Router] = h.UnhealthyCameras;
            if (h.KnownCameras > 0 && h.KnownCameras != known)
            {
                known = h.KnownCameras;
                changed = true;
            }
        }

        return changed ? s with { UnhealthyCamerasElsewhere = elsewhere, KnownCameraCount = known } : s;
    }

    /// <summary>Front: shares the context with every shard when it changed since the last share that reached them all.</summary>
    private async Task ShareContextIfChangedAsync()
    {
        var now = clock.GetUtcNow();
        if (_shards.Count == 0 || _contextShareRetryAt > now)
        {
            return;
        }

        var (silences, inhibitors) = OwnContext();
        var signature = ContextSignature(silences, inhibitors);
        if (signature == _sharedContext)
        {
            return;
        }

        var context = new RouterContext(
            [.. silences.Select(s => AlertViews.Of(s, now))],
            [.. inhibitors.Select(a => AlertViews.Of(a, Muted(now)))]);
        RouterHealth[] healths;
        try
        {
            healths = await Task.WhenAll(_shards.Select(s => s.ShareContext(context)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sharing silences and inhibitors with the alert shards failed; retried in {Delay}", ContextShareRetry);
            _contextShareRetryAt = now + ContextShareRetry;
            return;
        }

        _sharedContext = signature;
        _contextShareRetryAt = null;
        var current = state.State.Alerting;
        var updated = WithHealth(current, healths);
        if (!ReferenceEquals(updated, current))
        {
            await ChangeAsync((_, _) => updated);
        }
    }

    /// <summary>Front: when the shards are to be told the context (now, or after a failed share's backoff); null when they have it.</summary>
    private DateTimeOffset? NextContextShareAt(DateTimeOffset now)
    {
        if (_shards.Count == 0)
        {
            return null;
        }

        var (silences, inhibitors) = OwnContext();
        return _sharedContext == ContextSignature(silences, inhibitors) ? null : _contextShareRetryAt ?? now;
    }

    private (IReadOnlyList<Silence> Silences, IReadOnlyList<Alert> Inhibitors) OwnContext()
    {
        var s = state.State.Alerting;
        var inhibitors = s.Alerts
            .Where(a => a.Status == AlertStatus.Firing && planner.InhibitRules.Any(r => LabelMatcher.All(r.SourceMatchers, a.Labels)))
            .ToList();
        return (s.Silences, inhibitors);
    }

    private static string ContextSignature(IEnumerable<Silence> silences, IEnumerable<Alert> inhibitors) => string.Join('\n',
        silences.Select(s => $"{s.Id}|{s.StartsAt:O}|{s.EndsAt:O}|{s.CreatedBy}|{s.Comment}|{string.Join(',', s.Matchers)}")
            .Concat(inhibitors.Select(a => a.Fingerprint))
            .Order(StringComparer.Ordinal));

    /// <summary>Shard: tells the front its unhealthy-camera count when it changed; one-way, so this turn does not wait for the front.</summary>
    private async Task ReportHealthIfChangedAsync()
    {
        if (IsFront)
        {
            return;
        }

        var health = OwnHealth();
        if (health == _reportedHealth)
        {
            return;
        }

        try
        {
            await routers.Front.ReportRouterHealth(health);
            _reportedHealth = health;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The front's next context share asks again.
            logger.LogWarning(ex, "Telling the front router of {Unhealthy} unhealthy cameras failed", health.UnhealthyCameras);
        }
    }
}
