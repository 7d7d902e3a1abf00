namespace VibeCheck.Alerting;

/// <summary>Label and annotation names used by VibeCheck alerts.</summary>
public static class AlertLabels
{
    /// <summary>The kind of alert (Alertmanager's <c>alertname</c>).</summary>
    public const string AlertName = "alertname";

    /// <summary>Camera id.</summary>
    public const string Camera = "camera";

    /// <summary>Violation type, or the system alert family for system alerts.</summary>
    public const string Type = "type";

    /// <summary>NYC borough of the camera.</summary>
    public const string Borough = "borough";

    /// <summary>Zone of the camera image in which the violation happened.</summary>
    public const string Zone = "zone";

    /// <summary>Violation episode id; makes every episode its own alert.</summary>
    public const string Episode = "episode";

    /// <summary>Label added on the wire with the tier ("high", "medium", "low").</summary>
    public const string Severity = "severity";

    /// <summary>Annotation: one line for humans.</summary>
    public const string Summary = "summary";

    /// <summary>Annotation: longer text for humans.</summary>
    public const string Description = "description";

    /// <summary>Annotation: confidence of a violation, invariant culture, two decimals.</summary>
    public const string Confidence = "confidence";

    /// <summary>Annotation: human-readable camera name.</summary>
    public const string CameraName = "camera_name";

    /// <summary>Annotation: link to the alert or the evidence.</summary>
    public const string Link = "link";

    /// <summary>Annotation set on alerts in an escalation notification.</summary>
    public const string Escalated = "escalated";
}

/// <summary>Values of the <see cref="AlertLabels.AlertName"/> label.</summary>
public static class AlertNames
{
    /// <summary>A traffic violation episode seen by a camera.</summary>
    public const string Violation = "ViolationDetected";

    /// <summary>A camera stopped delivering frames.</summary>
    public const string CameraOffline = "CameraOffline";

    /// <summary>A camera's activity in its latest 5-minute bucket lies outside its forecast interval.</summary>
    public const string UnusualActivity = "UnusualActivity";

    /// <summary>A camera delivering the same frame over and over.</summary>
    public const string CameraFrozen = "CameraFrozen";

    /// <summary>A camera showing a "being serviced" card.</summary>
    public const string CameraBeingServiced = "CameraBeingServiced";

    /// <summary>Many cameras unhealthy at once; replaces the per-camera alerts.</summary>
    public const string CitywideCameraOutage = "CitywideCameraOutage";

    /// <summary>Processing latency or error rate above its threshold for a window.</summary>
    public const string PerformanceDegraded = "PerformanceDegraded";

    /// <summary>Redis cannot be reached.</summary>
    public const string RedisUnreachable = "RedisUnreachable";

    /// <summary>Redis answers slower than its threshold.</summary>
    public const string RedisSlow = "RedisSlow";

    /// <summary>A test alert sent on request.</summary>
    public const string Test = "TestAlert";

    /// <summary>The camera health alert names, which mute a camera's violation alerts.</summary>
    public static readonly IReadOnlyList<string> CameraConditions = [CameraOffline, CameraFrozen, CameraBeingServiced];
}
