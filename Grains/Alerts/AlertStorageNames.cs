namespace VibeCheck.Grains.Alerts;

/// <summary>Grain storage providers of the alerting grains; the silo registers each against Redis.</summary>
public static class AlertStorageNames
{
    /// <summary>State of the ViolationGrains.</summary>
    public const string Violations = "violations";

    /// <summary>State of the AlertGrain: alerts, groups, silences and the outbox.</summary>
    public const string Alerts = "alerts";
}
