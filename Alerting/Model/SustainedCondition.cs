namespace VibeCheck.Alerting;

/// <summary>
/// Prometheus' <c>for:</c> clause as a value: a threshold breach (p95 latency, error rate, Redis latency) fires
/// only once it has held for a whole window, and stops at the first sample back under the threshold.
/// The grain keeps one per system check, raises the alert when <see cref="Firing"/> turns true and resolves it
/// when it turns false.
/// </summary>
public sealed record SustainedCondition
{
    /// <summary>Start of the current uninterrupted breach; null when not breached.</summary>
    public DateTimeOffset? BreachedSince { get; init; }

    /// <summary>True when the breach has lasted at least the window.</summary>
    public bool Firing { get; init; }

    /// <summary>Returns the condition after a sample taken at <paramref name="now"/>.</summary>
    public SustainedCondition Observe(bool breached, DateTimeOffset now, TimeSpan window)
    {
        if (!breached)
        {
            return new SustainedCondition();
        }

        var since = BreachedSince ?? now;
        return new SustainedCondition { BreachedSince = since, Firing = now - since >= window };
    }
}
