namespace VibeCheck.Alerting;

/// <summary>How urgent an alert is; the tier decides which channels a notification reaches.</summary>
public enum AlertTier
{
    /// <summary>Recorded in state, never sent.</summary>
    Low = 0,

    /// <summary>Sent to the webhook.</summary>
    Medium = 1,

    /// <summary>Sent to the webhook and e-mail; escalates when not acknowledged.</summary>
    High = 2,
}

/// <summary>Whether an alert is still active.</summary>
public enum AlertStatus
{
    /// <summary>The condition holds.</summary>
    Firing = 0,

    /// <summary>The condition has ended.</summary>
    Resolved = 1,
}

/// <summary>Wire names of tiers and statuses, as they appear in payloads and labels.</summary>
public static class AlertWireNames
{
    /// <summary>"firing" or "resolved", as in the Alertmanager webhook.</summary>
    public static string Of(AlertStatus status) => status == AlertStatus.Firing ? "firing" : "resolved";

    /// <summary>"high", "medium" or "low"; the value of the <c>severity</c> label.</summary>
    public static string Of(AlertTier tier) => tier switch
    {
        AlertTier.High => "high",
        AlertTier.Medium => "medium",
        _ => "low",
    };
}
