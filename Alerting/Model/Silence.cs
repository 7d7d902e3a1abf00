namespace VibeCheck.Alerting;

/// <summary>A time-limited mute of every alert whose labels match all matchers (by camera, type or borough).</summary>
public sealed record Silence
{
    /// <summary>Id chosen by the caller (e.g. a GUID made by the API).</summary>
    public string Id { get; init; } = "";

    /// <summary>All must match for an alert to be silenced; never empty.</summary>
    public IReadOnlyList<LabelMatcher> Matchers { get; init; } = [];

    /// <summary>Start of the mute.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>End of the mute (exclusive).</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>Who made it.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>Why.</summary>
    public string Comment { get; init; } = "";

    /// <summary>True while <paramref name="now"/> is inside [StartsAt, EndsAt).</summary>
    public bool IsActive(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    /// <summary>True when active and every matcher matches the alert's labels.</summary>
    public bool Mutes(Alert alert, DateTimeOffset now) =>
        IsActive(now) && Matchers.Count > 0 && LabelMatcher.All(Matchers, alert.Labels);

    /// <summary>The problems that make this silence unacceptable; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            errors.Add("silence id is empty");
        }

        if (Matchers.Count == 0)
        {
            errors.Add("a silence needs at least one matcher");
        }

        errors.AddRange(Matchers.Select(m => m.Validate()).OfType<string>());
        if (EndsAt <= StartsAt)
        {
            errors.Add("silence must end after it starts");
        }

        return errors;
    }
}
