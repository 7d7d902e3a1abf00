using System.Globalization;

namespace VibeCheck.Alerting;

/// <summary>Health states of a camera that mute its violation alerts.</summary>
public enum CameraCondition
{
    /// <summary>No frames.</summary>
    Offline = 0,

    /// <summary>Same frame again and again.</summary>
    Frozen = 1,

    /// <summary>Showing a "being serviced" card.</summary>
    BeingServiced = 2,
}

/// <summary>
/// System alerts: the same <see cref="Alert"/> type with <c>type</c> set to the system family
/// (<c>performance</c>, <c>redis</c>, <c>camera_health</c>) and their own tier.
/// </summary>
public static class SystemAlerts
{
    /// <summary>Value of the <c>type</c> label of camera health alerts.</summary>
    public const string CameraHealthType = "camera_health";

    /// <summary>Value of the <c>type</c> label of performance alerts.</summary>
    public const string PerformanceType = "performance";

    /// <summary>Value of the <c>type</c> label of Redis alerts.</summary>
    public const string RedisType = "redis";

    /// <summary>Type label of unusual-activity alerts.</summary>
    public const string AnomalyType = "anomaly";

    /// <summary>A camera offline, frozen or being serviced (MEDIUM); mutes that camera's violation alerts.</summary>
    public static Alert Camera(string cameraId, string borough, CameraCondition condition, DateTimeOffset now)
    {
        var name = condition switch
        {
            CameraCondition.Frozen => AlertNames.CameraFrozen,
            CameraCondition.BeingServiced => AlertNames.CameraBeingServiced,
            _ => AlertNames.CameraOffline,
        };
        return Alert.Create(
            Labels(name, CameraHealthType, (AlertLabels.Camera, cameraId), (AlertLabels.Borough, borough)),
            Annotations($"Camera {cameraId} is {condition}"),
            AlertTier.Medium,
            now);
    }

    /// <summary>Many cameras unhealthy at once (HIGH); one alert instead of one per camera.</summary>
    public static Alert CitywideOutage(int unhealthyCameras, int knownCameras, DateTimeOffset now)
    {
        var share = knownCameras == 0 ? 0 : (double)unhealthyCameras / knownCameras;
        var text = string.Create(CultureInfo.InvariantCulture, $"{unhealthyCameras} of {knownCameras} cameras offline, frozen or being serviced ({share:P0})");
        return Alert.Create(Labels(AlertNames.CitywideCameraOutage, CameraHealthType), Annotations(text), AlertTier.High, now);
    }

    /// <summary>
    /// Processing latency p95 or error rate over its threshold for a window. MEDIUM, HIGH when the value is at
    /// least twice the threshold.
    /// </summary>
    /// <param name="metric">E.g. <c>latency_p95_ms</c> or <c>error_rate</c>.</param>
    /// <param name="value">Observed value over the window.</param>
    /// <param name="threshold">Threshold.</param>
    /// <param name="window">Window of the observation.</param>
    /// <param name="now">Current time.</param>
    public static Alert PerformanceDegraded(string metric, double value, double threshold, TimeSpan window, DateTimeOffset now)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{metric} = {value:0.###} over {window} (threshold {threshold:0.###})");
        var tier = value >= 2 * threshold ? AlertTier.High : AlertTier.Medium;
        return Alert.Create(Labels(AlertNames.PerformanceDegraded, PerformanceType, ("metric", metric)), Annotations(text), tier, now);
    }

    /// <summary>
    /// Unusual activity for this hour (MEDIUM): the camera's latest bucket lies outside the interval its forecaster
    /// expected. One alert per camera: it fires while buckets stay unusual and resolves with the first usual one.
    /// </summary>
    public static Alert UnusualActivity(string cameraId, DateTimeOffset bucketStart, double value, double expected, double lower, double upper, DateTimeOffset now) =>
        Alert.Create(
            Labels(AlertNames.UnusualActivity, AnomalyType, (AlertLabels.Camera, cameraId)),
            Annotations(string.Create(CultureInfo.InvariantCulture,
                $"Unusual activity for this hour at camera {cameraId}: {value:0.#} at {bucketStart:u}, expected {expected:0.#} ({lower:0.#} to {upper:0.#})")),
            AlertTier.Medium,
            now);

    /// <summary>Redis unreachable (HIGH).</summary>
    public static Alert RedisUnreachable(string error, DateTimeOffset now) =>
        Alert.Create(Labels(AlertNames.RedisUnreachable, RedisType), Annotations($"Redis unreachable: {error}"), AlertTier.High, now);

    /// <summary>Redis slower than its threshold (MEDIUM).</summary>
    public static Alert RedisSlow(TimeSpan latency, TimeSpan threshold, DateTimeOffset now) =>
        Alert.Create(
            Labels(AlertNames.RedisSlow, RedisType),
            Annotations(string.Create(CultureInfo.InvariantCulture, $"Redis latency {latency.TotalMilliseconds:0} ms above {threshold.TotalMilliseconds:0} ms")),
            AlertTier.Medium,
            now);

    /// <summary>A test alert of the given tier, for <c>POST /alerts/test</c>; unique per call through <paramref name="testId"/>.</summary>
    public static Alert Test(AlertTier tier, string testId, DateTimeOffset now) =>
        Alert.Create(
            Labels(AlertNames.Test, "test", ("test_id", testId)),
            Annotations($"Test alert ({AlertWireNames.Of(tier)}) from VibeCheck"),
            tier,
            now);

    private static Dictionary<string, string> Labels(string name, string type, params (string Key, string Value)[] more)
    {
        var labels = new Dictionary<string, string> { [AlertLabels.AlertName] = name, [AlertLabels.Type] = type };
        foreach (var (key, value) in more)
        {
            labels[key] = value;
        }

        return labels;
    }

    private static Dictionary<string, string> Annotations(string summary) => new() { [AlertLabels.Summary] = summary };
}
