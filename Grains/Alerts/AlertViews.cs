using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>Maps the alerting library's records to the serializable views of <see cref="IAlertGrain"/> and back.</summary>
public static class AlertViews
{
    /// <summary>high, medium or low (any case) to a tier; null otherwise.</summary>
    public static AlertTier? ParseTier(string? text) => text?.ToLowerInvariant() switch
    {
        "high" => AlertTier.High,
        "medium" => AlertTier.Medium,
        "low" => AlertTier.Low,
        _ => null,
    };

    public static AlertView Of(Alert a, IReadOnlyDictionary<string, string> muted) => new(
        a.Fingerprint, a.Label(AlertLabels.AlertName), AlertWireNames.Of(a.Status), AlertWireNames.Of(a.Tier),
        a.Labels, a.Annotations, a.StartsAt, a.EndsAt, a.UpdatedAt, a.FirstNotifiedAt, a.AcknowledgedAt, a.AcknowledgedBy,
        a.EscalatedAt, muted.GetValueOrDefault(a.Fingerprint));

    public static AlertView Of(NotifiedAlert a) => new(
        a.Fingerprint, a.Labels.GetValueOrDefault(AlertLabels.AlertName, ""), AlertWireNames.Of(a.Status), AlertWireNames.Of(a.Tier),
        a.Labels, a.Annotations, a.StartsAt, a.EndsAt, a.StartsAt, null, null, null, null, null);

    public static DeliveryAttemptView Of(DeliveryRecord r) =>
        new(r.IdempotencyKey, r.Channel, r.Attempt, r.Outcome.ToString().ToLowerInvariant(), r.Reason, r.At);

    public static DeliveryView Of(OutboxItem i) =>
        new(i.IdempotencyKey, i.Channel, i.Notification.Alerts.Select(a => a.Fingerprint).ToList(), i.Attempts, i.NextAttemptAt, i.LastError);

    public static DeadLetterView Of(DeadLetter d) => new(
        d.Item.IdempotencyKey, d.Item.Channel, d.Item.Notification.Alerts.Select(a => a.Fingerprint).ToList(), d.Item.Attempts, d.Reason, d.DeadAt);

    public static SilenceView Of(Silence s, DateTimeOffset now) => new(
        s.Id,
        s.Matchers.Select(m => new MatcherView(m.Name, m.Value, OperatorText(m.Operator))).ToList(),
        s.StartsAt, s.EndsAt, s.CreatedBy, s.Comment,
        s.IsActive(now) ? "active" : now < s.StartsAt ? "pending" : "expired");

    /// <summary>An alert held by another router, as a source of inhibition: its labels and tier are all that matter.</summary>
    public static Alert ToInhibitor(AlertView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Alert.Create(view.Labels, view.Annotations, ParseTier(view.Tier) ?? AlertTier.Low, view.StartsAt) with { EndsAt = view.EndsAt };
    }

    /// <summary>The silence, or the reasons the view cannot be one (unknown operators).</summary>
    public static (Silence? Silence, IReadOnlyList<string> Errors) ToSilence(SilenceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var errors = new List<string>();
        var matchers = new List<LabelMatcher>();
        foreach (var m in view.Matchers ?? [])
        {
            if (ParseOperator(m.Operator) is { } op)
            {
                matchers.Add(new LabelMatcher(m.Name ?? "", m.Value ?? "", op));
            }
            else
            {
                errors.Add($"matcher {m.Name}: operator must be one of =, !=, =~, !~");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Silence
        {
            Id = view.Id,
            Matchers = matchers,
            StartsAt = view.StartsAt,
            EndsAt = view.EndsAt,
            CreatedBy = view.CreatedBy,
            Comment = view.Comment,
        }, []);
    }

    private static string OperatorText(MatchOperator op) => op switch
    {
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        MatchOperator.NotRegex => "!~",
        _ => "=",
    };

    private static MatchOperator? ParseOperator(string? text) => text switch
    {
        null or "" or "=" => MatchOperator.Equal,
        "!=" => MatchOperator.NotEqual,
        "=~" => MatchOperator.Regex,
        "!~" => MatchOperator.NotRegex,
        _ => null,
    };
}
