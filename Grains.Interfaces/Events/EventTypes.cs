namespace VibeCheck.Grains.Interfaces.Events;

/// <summary>
/// The CloudEvents <c>type</c> of every event VibeCheck publishes, which consumers filter on, and the JSON Schema
/// file (under <c>Grains.Interfaces/Events/Schemas/</c>) its <c>data</c> follows.
/// </summary>
public static class EventTypes
{
    /// <summary>A violation episode opened.</summary>
    public const string ViolationOpened = "org.vibecheck.violation.opened";

    /// <summary>An open episode's tier rose (tiers never fall while an episode is open).</summary>
    public const string ViolationUpdated = "org.vibecheck.violation.updated";

    /// <summary>A violation episode ended.</summary>
    public const string ViolationResolved = "org.vibecheck.violation.resolved";

    /// <summary>An alert started firing (again, after a resolution).</summary>
    public const string AlertFiring = "org.vibecheck.alert.firing";

    /// <summary>An alert was resolved.</summary>
    public const string AlertResolved = "org.vibecheck.alert.resolved";

    /// <summary>An operator acknowledged an alert.</summary>
    public const string AlertAcknowledged = "org.vibecheck.alert.acknowledged";

    /// <summary>An unacknowledged HIGH alert went to its escalation channel.</summary>
    public const string AlertEscalated = "org.vibecheck.alert.escalated";

    /// <summary>A camera's health changed (online, offline, frozen, being_serviced).</summary>
    public const string CameraHealthChanged = "org.vibecheck.camera.health_changed";

    /// <summary>Every type with the schema file of its data.</summary>
    public static IReadOnlyDictionary<string, string> SchemaFiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ViolationOpened] = ViolationSchema,
        [ViolationUpdated] = ViolationSchema,
        [ViolationResolved] = ViolationSchema,
        [AlertFiring] = AlertSchema,
        [AlertResolved] = AlertSchema,
        [AlertAcknowledged] = AlertSchema,
        [AlertEscalated] = AlertSchema,
        [CameraHealthChanged] = "camera-health.schema.json",
    };

    private const string ViolationSchema = "violation.schema.json";
    private const string AlertSchema = "alert.schema.json";
}
