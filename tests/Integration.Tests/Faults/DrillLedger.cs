using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Integration.Tests.Alerts;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// Counts what a drill must not lose or double, from the outside: the episodes the cameras list as theirs (what the
/// system accepted), the ViolationGrain states in Redis, the warehouse rows (SQL through the gateway), the alerts of
/// the AlertGrain and what the webhook receiver accepted.
/// </summary>
public sealed class DrillLedger(VibeCheckCluster system, WebhookReceiver webhook) : IAsyncDisposable
{
    private readonly HttpClient _admin = system.NewClient(VibeCheckCluster.AdminKey);
    private readonly Dictionary<string, string> _accepted = new(StringComparer.Ordinal);
    private ConnectionMultiplexer? _redis;

    /// <summary>
    /// Every episode the cameras have listed (open ones and their last 50 resolved) at this or any earlier call, by id,
    /// with its latest status: an episode once accepted stays counted even if its camera forgot it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> AcceptedAsync()
    {
        foreach (var camera in system.Cameras)
        {
            foreach (var episode in await system.Grains.GetGrain<ICameraGrain>(camera).GetViolations())
            {
                _accepted[episode.EpisodeId] = episode.Status == VibeCheck.Grains.Interfaces.Violations.ViolationEpisodeStatus.Resolved ? "resolved" : "open";
            }
        }

        return new Dictionary<string, string>(_accepted, StringComparer.Ordinal);
    }

    /// <summary>The episodes not yet resolved, with what each camera lists now: for a failure message.</summary>
    public async Task<string> DescribeUnresolvedAsync()
    {
        var lines = new List<string>();
        foreach (var (id, status) in _accepted.Where(e => e.Value != "resolved"))
        {
            lines.Add($"episode {id}: last seen {status}");
        }

        foreach (var camera in system.Cameras)
        {
            var listed = await system.Grains.GetGrain<ICameraGrain>(camera).GetViolations();
            var snapshot = await system.Grains.GetGrain<ICameraGrain>(camera).GetSnapshot();
            lines.Add($"camera {camera} ({system.Replay.ImageRequestsOf(camera)} image requests, health {snapshot.Health}, {snapshot.Counters.Fetches} fetches, {snapshot.Counters.FramesAnalysed} analysed, {snapshot.Counters.FramesUnchanged} unchanged, {snapshot.Counters.CacheHits} cache hits, last error {snapshot.LastError}): "
                + string.Join(", ", listed.Select(e => $"{e.EpisodeId} {e.Status}")));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Violation reports the cameras still hold for their ViolationGrains.</summary>
    public async Task<int> PendingReportsAsync()
    {
        var pending = 0;
        foreach (var camera in system.Cameras)
        {
            pending += (await system.Grains.GetGrain<ICameraGrain>(camera).GetDetectionStatus()).PendingViolationReports;
        }

        return pending;
    }

    /// <summary>ViolationGrain states in Redis (<c>{ServiceId}/state/violation/{episode}/violation</c>), by episode id.</summary>
    public async Task<Dictionary<string, StoredViolation>> StoredAsync()
    {
        _redis ??= await ConnectionMultiplexer.ConnectAsync(system.RedisConnection);
        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        var stored = new Dictionary<string, StoredViolation>(StringComparer.Ordinal);
        await foreach (var key in server.KeysAsync(pattern: $"{system.ServiceId}/state/violation/*", pageSize: 500))
        {
            var data = (string?)await _redis.GetDatabase().HashGetAsync(key, "data");
            if (data is null)
            {
                continue;
            }

            var root = JsonDocument.Parse(data).RootElement;
            var id = root.GetProperty("EpisodeId").GetString()!;
            // The storage's JSON leaves null members out.
            var resolved = root.TryGetProperty("EndedAt", out var ended) && ended.ValueKind != JsonValueKind.Null;
            var forwarded = root.TryGetProperty("ForwardedTier", out var tier) && tier.ValueKind != JsonValueKind.Null;
            stored[id] = new StoredViolation(id, root.GetProperty("LastSequence").GetInt64(), resolved, forwarded,
                stored.TryGetValue(id, out var twin) ? twin.Keys + 1 : 1);
        }

        return stored;
    }

    /// <summary>
    /// Image fetches (successful or not) a camera's state in Redis counts, read without activating its grain: every
    /// poll persists the state, so a growing count means the camera polls.
    /// </summary>
    public async Task<DateTimeOffset?> StoredLastCheckedAsync(Guid camera)
    {
        _redis ??= await ConnectionMultiplexer.ConnectAsync(system.RedisConnection);
        var data = (string?)await _redis.GetDatabase().HashGetAsync($"{system.ServiceId}/state/camera/{camera:N}/camera", "data");
        return data is not null && JsonDocument.Parse(data).RootElement.TryGetProperty("Enrolment", out var enrolment)
            && enrolment.TryGetProperty("LastCheckedAt", out var checkedAt)
            ? checkedAt.GetDateTimeOffset()
            : null;
    }

    /// <summary>Warehouse rows per episode id, and whether the row says the episode ended.</summary>
    public async Task<Dictionary<string, (long Rows, bool Resolved)>> WarehouseAsync()
    {
        var body = await QueryOkAsync(_admin,
            "SELECT episode_id, COUNT(*), MAX(CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END) FROM vibecheck_analytics.realtime_violations GROUP BY episode_id");
        return body.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r[0].GetString()!, r => (r[1].GetInt64(), r[2].GetInt64() == 1), StringComparer.Ordinal);
    }

    /// <summary>
    /// Compares every store with what the cameras accepted; empty when nothing is lost or doubled. Each problem is one
    /// line naming the episode or alert.
    /// </summary>
    public async Task<DrillAccount> AccountAsync()
    {
        var problems = new List<string>();
        var accepted = await AcceptedAsync();
        var pending = await PendingReportsAsync();
        if (pending > 0)
        {
            problems.Add($"{pending} violation reports still pending in the cameras");
        }

        var stored = await StoredAsync();
        var warehouse = await WarehouseAsync();
        foreach (var (id, status) in accepted)
        {
            var resolved = status == "resolved";
            if (!stored.TryGetValue(id, out var s))
            {
                problems.Add($"episode {id} ({status}) not in Redis");
            }
            else if (s.Resolved != resolved)
            {
                problems.Add($"episode {id} is {status} in its camera but {(s.Resolved ? "resolved" : "open")} in Redis");
            }

            if (!warehouse.TryGetValue(id, out var w))
            {
                problems.Add($"episode {id} ({status}) not in the warehouse");
            }
            else if (w.Resolved != resolved)
            {
                problems.Add($"episode {id} is {status} in its camera but {(w.Resolved ? "resolved" : "open")} in the warehouse");
            }
        }

        problems.AddRange(stored.Keys.Where(id => !accepted.ContainsKey(id)).Select(id => $"Redis holds episode {id} that no camera lists"));
        problems.AddRange(warehouse.Where(w => w.Value.Rows != 1).Select(w => $"warehouse holds {w.Value.Rows} rows of episode {w.Key}"));
        problems.AddRange(stored.Values.Where(s => s.Keys != 1).Select(s => $"Redis holds {s.Keys} states of episode {s.Id}"));

        var router = system.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key);
        var alerts = await router.List(new AlertQuery(null, null, null));
        var byEpisode = alerts.Where(a => a.Labels.ContainsKey("episode")).GroupBy(a => a.Labels["episode"]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var s in stored.Values.Where(s => s.Forwarded))
        {
            var count = byEpisode.GetValueOrDefault(s.Id);
            if (count != 1)
            {
                problems.Add($"episode {s.Id} was forwarded and has {count} alerts");
            }
        }

        var undelivered = alerts.Where(a => a.MutedBecause is null && webhook.AcceptedMentioning(a.Id).Count == 0).ToList();
        problems.AddRange(undelivered.Select(a => $"alert {a.Id} ({a.Name} {a.Status}) never accepted by the webhook"));
        var outbox = await router.PendingDeliveries();
        if (outbox.Count > 0)
        {
            problems.Add($"{outbox.Count} deliveries still in the outbox");
        }

        var dead = await router.DeadLetters();
        problems.AddRange(dead.Select(d => $"dead letter {d.IdempotencyKey}: {d.Reason}"));

        var accepts = webhook.Requests.Where(r => r.Status is >= 200 and < 300).ToList();
        var keys = accepts.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).Count();
        return new DrillAccount(accepted.Count, accepted.Values.Count(v => v == "resolved"), stored.Count, warehouse.Count,
            alerts.Count, alerts.Count(a => a.Labels.ContainsKey("episode")), keys, accepts.Count - keys, problems);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}

/// <summary>One ViolationGrain state as Redis holds it; <see cref="Keys"/> counts states naming the same episode.</summary>
public sealed record StoredViolation(string Id, long LastSequence, bool Resolved, bool Forwarded, int Keys);

/// <summary>The counts of a drill, and every loss or doubling found (none when all is well).</summary>
public sealed record DrillAccount(
    int Accepted, int Resolved, int InRedis, int InWarehouse, int Alerts, int ViolationAlerts,
    int WebhookKeysAccepted, int DuplicateWebhookDeliveries, IReadOnlyList<string> Problems)
{
    public override string ToString()
    {
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"episodes accepted {Accepted} ({Resolved} resolved), in Redis {InRedis}, in warehouse {InWarehouse}; alerts {Alerts} ({ViolationAlerts} violations); webhook keys accepted {WebhookKeysAccepted}, duplicate deliveries {DuplicateWebhookDeliveries}; problems {Problems.Count}");
        return Problems.Count == 0 ? counts : counts + ":\n  " + string.Join("\n  ", Problems.Take(40));
    }
}
