namespace VibeCheck.Alerting;

/// <summary>
/// Alertmanager's dispatcher as a pure function: given the state and the time it decides which groups notify
/// (group wait, group interval, repeat interval, resolved), which alerts are muted (silences, inhibition),
/// and which HIGH alerts escalate. Call it after every change and when <see cref="NextWakeUp"/> comes.
/// </summary>
public sealed class NotificationPlanner
{
    private readonly NotifyOptions _notify;
    private readonly EscalationOptions _escalation;
    private readonly string _externalUrl;
    private readonly HashSet<string>? _configuredChannels;

    /// <summary>Creates a planner.</summary>
    /// <param name="options">Notify, escalation and external URL settings.</param>
    /// <param name="configuredChannels">Channels that exist; a route names one of them or a family (<c>sms</c> reaches every <c>sms:{number}</c>); routes to others are dropped. Null keeps every route.</param>
    /// <param name="inhibitRules">Inhibit rules; null means <see cref="InhibitRule.Defaults"/>.</param>
    public NotificationPlanner(AlertsOptions options, IEnumerable<string>? configuredChannels = null, IReadOnlyList<InhibitRule>? inhibitRules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _notify = options.Notify;
        _escalation = options.Escalation;
        _externalUrl = options.ExternalUrl ?? "";
        _configuredChannels = configuredChannels?.ToHashSet(StringComparer.Ordinal);
        InhibitRules = inhibitRules ?? InhibitRule.Defaults;
    }

    /// <summary>Inhibit rules in force.</summary>
    public IReadOnlyList<InhibitRule> InhibitRules { get; }

    /// <summary>Decides what to send at <paramref name="now"/>; returns the new state and the notifications.</summary>
    public NotificationPlan Plan(AlertingState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        state = OutageDetector.Apply(Prune(state, now), _notify, now);
        var muted = AlertSuppression.Compute(state, InhibitRules, now);
        var alerts = state.Alerts.ToDictionary(a => a.Fingerprint, StringComparer.Ordinal);
        var firingByGroup = state.Alerts
            .Where(a => a.Status == AlertStatus.Firing && a.Tier >= AlertTier.Medium && !muted.ContainsKey(a.Fingerprint))
            .GroupBy(GroupKeyOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.StartsAt).ThenBy(a => a.Fingerprint, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var existing = state.Groups.ToDictionary(g => g.GroupKey, StringComparer.Ordinal);
        var keys = existing.Keys.Union(firingByGroup.Keys).Order(StringComparer.Ordinal);

        var sequence = state.NotificationSequence;
        var notifications = new List<Notification>();
        var groups = new List<AlertGroupState>();
        foreach (var key in keys)
        {
            var firing = firingByGroup.GetValueOrDefault(key) ?? [];
            var group = HighSkipsGroupWait(existing.GetValueOrDefault(key) ?? NewGroup(key, firing, now), firing, now);

            var idle = false;
            if (now >= group.NextFlushAt)
            {
                (group, var sent) = Flush(state.Scope, group, firing, alerts, now, ref sequence);
                if (sent is not null)
                {
                    notifications.Add(sent);
                }

                // A group lives on for one interval after its last alert went, so a flapping alert that comes
                // back rejoins it and waits for the group interval instead of starting a fresh group wait.
                idle = sent is null && firing.Count == 0 && group.NotifiedFiring.Count == 0;
            }

            if (!idle)
            {
                groups.Add(group);
            }
        }

        notifications.AddRange(Escalate(state.Scope, alerts, muted, now, ref sequence));
        var newState = state with
        {
            Alerts = state.Alerts.Select(a => alerts[a.Fingerprint]).ToList(),
            Groups = groups,
            NotificationSequence = sequence,
        };
        return new NotificationPlan(newState, notifications);
    }

    /// <summary>
    /// A one-off notification of a single alert routed by its tier, bypassing grouping and timing: what
    /// <c>POST /alerts/test</c> sends (use <see cref="SystemAlerts.Test"/>). The alert is not added to the state.
    /// </summary>
    public NotificationPlan SendNow(AlertingState state, Alert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alert);
        var sequence = state.NotificationSequence + 1;
        var notification = new Notification
        {
            Id = $"{state.Scope}-{sequence}",
            Kind = NotificationKind.Group,
            GroupKey = GroupKeyOf(alert),
            GroupLabels = GroupLabelsOf(alert),
            Status = alert.Status,
            Tier = alert.Tier,
            Alerts = new[] { NotifiedAlert.From(alert) },
            Channels = Route(_notify.ChannelsFor(alert.Tier)),
            CreatedAt = now,
            ExternalUrl = _externalUrl,
        };
        return new NotificationPlan(state with { NotificationSequence = sequence }, new[] { notification });
    }

    /// <summary>
    /// Earliest time at which <see cref="Plan"/> can decide something new without any other change: a group's
    /// next flush, an _escalation falling due, a silence starting or ending. Null when nothing is pending.
    /// </summary>
    public DateTimeOffset? NextWakeUp(AlertingState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var muted = AlertSuppression.Compute(state, InhibitRules, now);
        var times = new List<DateTimeOffset>();
        times.AddRange(state.Groups.Select(g => g.NextFlushAt));
        times.AddRange(state.Alerts
            .Where(a => a.Status == AlertStatus.Firing && a.Tier == AlertTier.High && a.AcknowledgedAt is null
                && a.EscalatedAt is null && a.HighNotifiedAt is not null && !muted.ContainsKey(a.Fingerprint))
            .Select(a => a.HighNotifiedAt!.Value + _escalation.After));
        times.AddRange(state.Silences.SelectMany(s => new[] { s.StartsAt, s.EndsAt }).Where(t => t > now));
        var grouped = state.Groups.Select(g => g.GroupKey).ToHashSet(StringComparer.Ordinal);
        if (state.Alerts.Any(a => a.Status == AlertStatus.Firing && a.Tier >= AlertTier.Medium && !muted.ContainsKey(a.Fingerprint) && !grouped.Contains(GroupKeyOf(a))))
        {
            times.Add(now);
        }

        return times.Count == 0 ? null : times.Min();
    }

    /// <summary>Group key of an alert: <c>{}:{camera="42", type="bike_lane"}</c> with the grouping labels.</summary>
    public string GroupKeyOf(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var parts = _notify.EffectiveGroupBy.Select(l => $"{l}=\"{alert.Label(l).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        return "{}:{" + string.Join(", ", parts) + "}";
    }

    /// <summary>A group is born when its first alert arrived, even if Plan runs later; group wait counts from then.</summary>
    private AlertGroupState NewGroup(string key, List<Alert> firing, DateTimeOffset now)
    {
        var arrived = firing.Min(a => a.UpdatedAt);
        var created = arrived < now ? arrived : now;
        return new AlertGroupState
        {
            GroupKey = key,
            GroupLabels = GroupLabelsOf(firing[0]),
            CreatedAt = created,
            NextFlushAt = created + _notify.GroupWait,
        };
    }

    /// <summary>
    /// HIGH alerts are "immediate" in the original design: a group that has not notified yet and holds a firing HIGH
    /// alert flushes now instead of at the end of its group wait. What follows its first notification keeps the
    /// group interval, so a burst of HIGH alerts on one camera still arrives grouped.
    /// </summary>
    private static AlertGroupState HighSkipsGroupWait(AlertGroupState group, List<Alert> firing, DateTimeOffset now) =>
        group.LastNotifiedAt is null && group.NextFlushAt > now && firing.Any(a => a.Tier == AlertTier.High)
            ? group with { NextFlushAt = now }
            : group;

    private Dictionary<string, string> GroupLabelsOf(Alert alert) =>
        _notify.EffectiveGroupBy.ToDictionary(l => l, alert.Label, StringComparer.Ordinal);

    private (AlertGroupState Group, Notification? Sent) Flush(
        string scope, AlertGroupState group, List<Alert> firing, Dictionary<string, Alert> alerts, DateTimeOffset now, ref long sequence)
    {
        var resolved = group.NotifiedFiring.Keys
            .Select(fp => alerts.GetValueOrDefault(fp))
            .OfType<Alert>()
            .Where(a => a.Status == AlertStatus.Resolved)
            .ToList();
        var known = group.NotifiedFiring.Where(p => alerts.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var changed = firing.Any(a => !known.TryGetValue(a.Fingerprint, out var tier) || tier < a.Tier)
            || (_notify.SendResolved && resolved.Count > 0);
        var repeat = group.LastNotifiedAt is { } last && now >= last + _notify.RepeatInterval
            && firing.Any(a => a.AcknowledgedAt is null);
        var next = group with { NextFlushAt = now + _notify.GroupInterval };

        if (!(changed || repeat) || (firing.Count == 0 && (!_notify.SendResolved || resolved.Count == 0)))
        {
            foreach (var r in resolved)
            {
                known.Remove(r.Fingerprint);
            }

            return (next with { NotifiedFiring = known }, null);
        }

        var included = _notify.SendResolved ? firing.Concat(resolved).ToList() : firing;
        var tier = included.Max(a => a.Tier);
        var notification = new Notification
        {
            Id = $"{scope}-{++sequence}",
            Kind = NotificationKind.Group,
            GroupKey = group.GroupKey,
            GroupLabels = group.GroupLabels,
            Status = firing.Count > 0 ? AlertStatus.Firing : AlertStatus.Resolved,
            Tier = tier,
            Alerts = included.Select(NotifiedAlert.From).ToList(),
            Channels = Route(_notify.ChannelsFor(tier)),
            CreatedAt = now,
            ExternalUrl = _externalUrl,
        };
        foreach (var a in firing.Where(a => a.FirstNotifiedAt is null || (a.Tier == AlertTier.High && a.HighNotifiedAt is null)))
        {
            alerts[a.Fingerprint] = a with
            {
                FirstNotifiedAt = a.FirstNotifiedAt ?? now,
                HighNotifiedAt = a.Tier == AlertTier.High ? a.HighNotifiedAt ?? now : null,
            };
        }

        return (next with
        {
            LastNotifiedAt = now,
            NotifiedFiring = firing.ToDictionary(a => a.Fingerprint, a => a.Tier, StringComparer.Ordinal),
        }, notification);
    }

    private List<Notification> Escalate(
        string scope, Dictionary<string, Alert> alerts, IReadOnlyDictionary<string, string> muted, DateTimeOffset now, ref long sequence)
    {
        var due = alerts.Values
            .Where(a => a.Status == AlertStatus.Firing && a.Tier == AlertTier.High && a.AcknowledgedAt is null
                && a.EscalatedAt is null && a.HighNotifiedAt is { } first && now >= first + _escalation.After
                && !muted.ContainsKey(a.Fingerprint))
            .GroupBy(GroupKeyOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var result = new List<Notification>();
        foreach (var group in due)
        {
            var escalated = group.OrderBy(a => a.StartsAt).ToList();
            result.Add(new Notification
            {
                Id = $"{scope}-{++sequence}",
                Kind = NotificationKind.Escalation,
                GroupKey = group.Key,
                GroupLabels = GroupLabelsOf(escalated[0]),
                Status = AlertStatus.Firing,
                Tier = AlertTier.High,
                Alerts = escalated.Select(a => NotifiedAlert.From(a) with
                {
                    Annotations = new Dictionary<string, string>(a.Annotations) { [AlertLabels.Escalated] = "true" },
                }).ToList(),
                Channels = Route(_escalation.EffectiveChannels),
                CreatedAt = now,
                ExternalUrl = _externalUrl,
            });
            foreach (var a in escalated)
            {
                alerts[a.Fingerprint] = a with { EscalatedAt = now };
            }
        }

        return result;
    }

    private string[] Route(IReadOnlyList<string> channels) =>
        [.. channels.SelectMany(Members).Distinct(StringComparer.Ordinal)];

    /// <summary>A configured channel itself, or the configured members of a route such as <c>sms</c> (<c>sms:+1...</c>, one per recipient).</summary>
    private IEnumerable<string> Members(string route) =>
        _configuredChannels is null || _configuredChannels.Contains(route)
            ? [route]
            : _configuredChannels.Where(c => c.StartsWith(route + ChannelNames.MemberSeparator, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private AlertingState Prune(AlertingState state, DateTimeOffset now)
    {
        var notified = state.Groups.SelectMany(g => g.NotifiedFiring.Keys).ToHashSet(StringComparer.Ordinal);
        return state with
        {
            Alerts = state.Alerts.Where(a => a.EndsAt is not { } end || end + _notify.Retention > now || notified.Contains(a.Fingerprint)).ToList(),
            Silences = state.Silences.Where(s => s.EndsAt + _notify.Retention > now).ToList(),
        };
    }
}
