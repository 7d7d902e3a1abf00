using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);

    public static ViolationRecord Violation(string id, string camera = "cam-1", string type = "bike_lane_blocked",
        DateTimeOffset? started = null, string? borough = "Manhattan", double confidence = 0.8) =>
        new(id, camera, type, "zone-a", "high", confidence, started ?? T0, (started ?? T0).AddSeconds(30),
            ["hash-1", "hash-2"], "yolo-1.2", borough);

    public static IReadOnlyList<ViolationRecord> Violations(int count, string prefix = "ep") =>
        Enumerable.Range(0, count).Select(i => Violation($"{prefix}-{i}", started: T0.AddMinutes(i))).ToList();

    public static AlertEventRecord Alert(string id, string status = "sent", int attempts = 1) =>
        new(id, "ep-1", "email", status, attempts, status == "sent" ? T0.AddMinutes(1) : null);

    public static CameraActivityRecord Activity(string camera, DateTimeOffset bucket) =>
        new(camera, bucket, TimeSpan.FromMinutes(5),
            new Dictionary<string, int> { ["car"] = 12, ["bus"] = 2 },
            new Dictionary<string, int> { ["bike_lane_blocked"] = 1 });

    public static CameraHealthTransitionRecord Health(string camera) =>
        new(camera, "online", "stale", T0, "3 consecutive fetch failures");
}
