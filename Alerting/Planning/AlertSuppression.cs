namespace VibeCheck.Alerting;

/// <summary>Which firing alerts are muted, and why (Alertmanager's silencer and inhibitor).</summary>
public static class AlertSuppression
{
    /// <summary>
    /// Maps the fingerprint of every muted firing alert to the reason: <c>silenced by {silence id}</c> or
    /// <c>inhibited by {fingerprint}</c>. Alerts not in the map are not muted.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Compute(
        AlertingState state, IReadOnlyList<InhibitRule> rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rules);
        var firing = state.Alerts.Where(a => a.Status == AlertStatus.Firing).ToList();
        var silences = state.ActiveSilences(now);
        var sourceCandidates = firing.Concat(state.Inhibitors.Where(a => a.Status == AlertStatus.Firing)).ToList();
        var sourcesPerRule = rules
            .Select(r => (Rule: r, Sources: sourceCandidates.Where(a => LabelMatcher.All(r.SourceMatchers, a.Labels)).ToList()))
            .Where(p => p.Sources.Count > 0)
            .ToList();

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alert in firing)
        {
            var silence = silences.FirstOrDefault(s => s.Mutes(alert, now));
            if (silence is not null)
            {
                result[alert.Fingerprint] = $"silenced by {silence.Id}";
                continue;
            }

            foreach (var (rule, sources) in sourcesPerRule)
            {
                var source = sources.FirstOrDefault(s => rule.Inhibits(s, alert));
                if (source is not null)
                {
                    result[alert.Fingerprint] = $"inhibited by {source.Fingerprint}";
                    break;
                }
            }
        }

        return result;
    }
}
