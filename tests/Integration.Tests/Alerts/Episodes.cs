using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>Violation episode reports as a camera grain sends them, for a fresh camera per test.</summary>
public sealed class Episode(Guid camera, string type = "bike_lane_blocked")
{
    // Reports are stamped from a minute ago, as a camera would stamp them: a fixed date months back let the router
    // prune a resolved alert as past its retention right after sending its resolution.
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddMinutes(-1);
    private long _sequence;

    public Guid Camera { get; } = camera;
    public string Id { get; } = $"{camera:N}:{type}:lane-1:{Guid.NewGuid():N}";
    public string Type { get; } = type;

    public static Episode New(string type = "bike_lane_blocked") => new(Guid.NewGuid(), type);

    /// <summary>The next report: open with this confidence, or resolved.</summary>
    public ViolationEpisodeReport Next(double confidence, bool resolved = false)
    {
        var n = _sequence++;
        var at = _start.AddSeconds(2 * n);
        return new ViolationEpisodeReport(
            Id, n, Camera, $"Test Ave @ {Camera.ToString()[..4]} St", "Manhattan", Type, "lane-1",
            resolved ? ViolationEpisodeStatus.Resolved : ViolationEpisodeStatus.Open, confidence, _start, resolved ? at : null, at,
            [$"hash-{n}"], [new DetectionSummary("car", confidence, 10, 20, 30, 40)], "test");
    }

    /// <summary>Reports <paramref name="count"/> frames at <paramref name="confidence"/> to the episode's grain.</summary>
    public async Task ReportAsync(IGrainFactory grains, double confidence, int count = 3)
    {
        var grain = grains.GetGrain<IViolationGrain>(Id);
        for (var i = 0; i < count; i++)
        {
            await grain.Report(Next(confidence));
        }
    }
}
