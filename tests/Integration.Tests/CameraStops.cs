using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// The longest silence of each of some cameras in the replay server's poll report (the gap still open at the report
/// counts too), shortest first, and the check that none stopped longer than a bound.
/// </summary>
public sealed class CameraStops
{
    private readonly List<(Guid CameraId, TimeSpan Stop)> _stops;

    private CameraStops(List<(Guid CameraId, TimeSpan Stop)> stops) => _stops = stops;

    public static CameraStops Of(PollsReport report, IEnumerable<Guid> cameras) =>
        new(cameras.Select(id => report.Cameras.Single(c => c.CameraId == id))
            .Select(c => (c.CameraId, Stop: TimeSpan.FromMilliseconds(Math.Max(c.LongestGapMs, c.OpenGapMs))))
            .OrderBy(s => s.Stop)
            .ToList());

    public string Describe() =>
        $"stop per camera (s): {string.Join(", ", _stops.Select(s => s.Stop.TotalSeconds.ToString("F1")))}; " +
        $"median {_stops[_stops.Count / 2].Stop.TotalSeconds:F1} s, max {_stops[^1].Stop.TotalSeconds:F1} s";

    /// <param name="context">Appended to a failure, e.g. the survivor's log.</param>
    public void AssertWithin(TimeSpan bound, string context = "") =>
        Assert.All(_stops, s => Assert.True(s.Stop <= bound, $"camera {s.CameraId} stopped {s.Stop.TotalSeconds:F1} s (bound {bound.TotalSeconds} s){context}"));
}
