namespace VibeCheck.Alerting;

/// <summary>
/// All routing state of the AlertGrain: alerts, groups, silences. Immutable; every change returns a new state.
/// Plain get/init properties and interface-typed collections: persists with Newtonsoft.Json as grain state.
/// </summary>
public sealed record AlertingState
{
    /// <summary>Prefix of notification ids, unique per state owner (e.g. the grain key); keeps idempotency keys unique.</summary>
    public string Scope { get; init; } = "vibecheck";

    /// <summary>Firing alerts and resolved ones within retention.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>Groups with firing alerts or notified alerts still to resolve.</summary>
    public IReadOnlyList<AlertGroupState> Groups { get; init; } = [];

    /// <summary>Active, pending and recently expired silences.</summary>
    public IReadOnlyList<Silence> Silences { get; init; } = [];

    /// <summary>Number of cameras in the registry; the denominator of the outage share.</summary>
    public int KnownCameraCount { get; init; }

    /// <summary>Last notification sequence number used; ids are <c>{Scope}-{n}</c>, never reused.</summary>
    public long NotificationSequence { get; init; }

    /// <summary>
    /// False in a router shard: a shard sees only its own cameras, so the citywide outage is decided by the router
    /// that hears every shard's count (<see cref="UnhealthyCamerasElsewhere"/>).
    /// </summary>
    public bool DetectsOutage { get; init; } = true;

    /// <summary>Unhealthy cameras counted by the other routers, by router; the outage share adds them to this one's.</summary>
    public IReadOnlyDictionary<string, int> UnhealthyCamerasElsewhere { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Firing alerts held by another router that may inhibit alerts held here (a shard gets the citywide outage);
    /// sources of inhibition only, never grouped, notified or listed.
    /// </summary>
    public IReadOnlyList<Alert> Inhibitors { get; init; } = [];

    /// <summary>Distinct cameras with a firing offline, frozen or being-serviced alert in this state.</summary>
    public int UnhealthyCameraCount => Alerts
        .Where(a => a.Status == AlertStatus.Firing && AlertNames.CameraConditions.Contains(a.Label(AlertLabels.AlertName)))
        .Select(a => a.Label(AlertLabels.Camera))
        .Distinct(StringComparer.Ordinal)
        .Count();

    /// <summary>The alert with this fingerprint, or null.</summary>
    public Alert? Find(string fingerprint) => Alerts.FirstOrDefault(a => a.Fingerprint == fingerprint);

    /// <summary>
    /// Adds an alert or refreshes the one with the same fingerprint: annotations are replaced, the tier only
    /// rises, and a resolved alert fires again with a fresh lifecycle (new start, no ack, no escalation).
    /// </summary>
    public AlertingState Upsert(Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var existing = Find(alert.Fingerprint);
        Alert updated = existing switch
        {
            null => Fresh(alert) with { StartsAt = alert.StartsAt == default ? now : alert.StartsAt, UpdatedAt = now },
            { Status: AlertStatus.Firing } => existing with
            {
                Annotations = alert.Annotations,
                Tier = alert.Tier > existing.Tier ? alert.Tier : existing.Tier,
                UpdatedAt = now,
            },
            _ => Fresh(alert) with { StartsAt = now, UpdatedAt = now },
        };
        return ReplaceAlert(alert.Fingerprint, updated);
    }

    /// <summary>Marks the alert resolved at <paramref name="now"/>; unknown or resolved alerts are left alone.</summary>
    public AlertingState Resolve(string fingerprint, DateTimeOffset now)
    {
        var existing = Find(fingerprint);
        return existing is { Status: AlertStatus.Firing }
            ? ReplaceAlert(fingerprint, existing with { EndsAt = now, UpdatedAt = now })
            : this;
    }

    /// <summary>Records an operator's acknowledgement; stops escalation and repeats. Null when no such alert.</summary>
    public AlertingState? Acknowledge(string fingerprint, string by, DateTimeOffset now)
    {
        var existing = Find(fingerprint);
        if (existing is null)
        {
            return null;
        }

        return existing.AcknowledgedAt is null
            ? ReplaceAlert(fingerprint, existing with { AcknowledgedAt = now, AcknowledgedBy = by })
            : this;
    }

    /// <summary>Adds or replaces a silence after validating it.</summary>
    /// <exception cref="ArgumentException">The silence is invalid; the message lists why.</exception>
    public AlertingState AddSilence(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var errors = silence.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(silence));
        }

        var normalized = silence with { Matchers = silence.Matchers.ToArray() };
        return this with { Silences = Silences.Where(s => s.Id != silence.Id).Append(normalized).ToList() };
    }

    /// <summary>Ends a silence now (it stays listed as expired). Null when no such silence.</summary>
    public AlertingState? ExpireSilence(string id, DateTimeOffset now)
    {
        var existing = Silences.FirstOrDefault(s => s.Id == id);
        if (existing is null)
        {
            return null;
        }

        var ended = existing with { EndsAt = existing.EndsAt < now ? existing.EndsAt : now };
        return this with { Silences = Silences.Select(s => s.Id == id ? ended : s).ToList() };
    }

    /// <summary>Silences active at <paramref name="now"/>.</summary>
    public IReadOnlyList<Silence> ActiveSilences(DateTimeOffset now) => [.. Silences.Where(s => s.IsActive(now))];

    private static Alert Fresh(Alert alert) => alert with
    {
        EndsAt = null,
        FirstNotifiedAt = null,
        HighNotifiedAt = null,
        AcknowledgedAt = null,
        AcknowledgedBy = null,
        EscalatedAt = null,
    };

    private AlertingState ReplaceAlert(string fingerprint, Alert replacement)
    {
        var found = false;
        var list = new List<Alert>(Alerts.Count + 1);
        foreach (var a in Alerts)
        {
            if (a.Fingerprint == fingerprint)
            {
                found = true;
                list.Add(replacement);
            }
            else
            {
                list.Add(a);
            }
        }

        if (!found)
        {
            list.Add(replacement);
        }

        return this with { Alerts = list };
    }
}
