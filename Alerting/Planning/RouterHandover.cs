namespace VibeCheck.Alerting;

/// <summary>
/// Moving cameras' alerts between routers: what the single city router held before its alerts were sharded goes to
/// the shard that now holds each camera, with the groups that remember what was notified, so a resolution reaching
/// the shard is heard as the resolution of the alert the receivers were told of.
/// </summary>
public static class RouterHandover
{
    /// <summary>
    /// Splits off the alerts and groups of cameras that <paramref name="ownerOf"/> places elsewhere (it returns the
    /// new holder of a camera, or null to keep it here). Returns what stays and, per holder, a state holding only
    /// what moves.
    /// </summary>
    public static (AlertingState Kept, IReadOnlyDictionary<string, AlertingState> Moved) Split(AlertingState state, Func<string, string?> ownerOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ownerOf);
        string? Owner(string camera) => camera.Length == 0 ? null : ownerOf(camera);
        var alerts = state.Alerts.ToLookup(a => Owner(a.Label(AlertLabels.Camera)));
        var groups = state.Groups.ToLookup(g => Owner(g.GroupLabels.GetValueOrDefault(AlertLabels.Camera, "")));
        var owners = alerts.Select(a => a.Key).Concat(groups.Select(g => g.Key)).OfType<string>().Distinct(StringComparer.Ordinal);
        var moved = owners.ToDictionary(
            o => o,
            o => new AlertingState { Alerts = [.. alerts[o]], Groups = [.. groups[o]] },
            StringComparer.Ordinal);
        var kept = moved.Count == 0 ? state : state with { Alerts = [.. alerts[null]], Groups = [.. groups[null]] };
        return (kept, moved);
    }

    /// <summary>
    /// Takes in alerts and groups handed over by another router. Where both hold the same alert or group, the one
    /// updated or notified last wins, so handing the same state over twice changes nothing.
    /// </summary>
    public static AlertingState Adopt(AlertingState state, AlertingState handed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(handed);
        var alerts = state.Alerts.ToDictionary(a => a.Fingerprint, StringComparer.Ordinal);
        foreach (var a in handed.Alerts.Where(a => !alerts.TryGetValue(a.Fingerprint, out var held) || a.UpdatedAt > held.UpdatedAt))
        {
            alerts[a.Fingerprint] = a;
        }

        var groups = state.Groups.ToDictionary(g => g.GroupKey, StringComparer.Ordinal);
        foreach (var g in handed.Groups.Where(g => !groups.TryGetValue(g.GroupKey, out var held) || (g.LastNotifiedAt ?? DateTimeOffset.MinValue) > (held.LastNotifiedAt ?? DateTimeOffset.MinValue)))
        {
            groups[g.GroupKey] = g;
        }

        // Those held keep their place; the newcomers follow in the order they were handed.
        var alertOrder = state.Alerts.Concat(handed.Alerts).Select(a => a.Fingerprint).Distinct(StringComparer.Ordinal);
        var groupOrder = state.Groups.Concat(handed.Groups).Select(g => g.GroupKey).Distinct(StringComparer.Ordinal);
        return state with { Alerts = [.. alertOrder.Select(f => alerts[f])], Groups = [.. groupOrder.Select(k => groups[k])] };
    }
}
