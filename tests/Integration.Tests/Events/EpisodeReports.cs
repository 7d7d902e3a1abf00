using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>Reports as a camera sends them for one episode that started a minute ago, every 2 s.</summary>
public static class EpisodeReports
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-1);

    /// <summary>The report of <paramref name="sequence"/>, open or resolving the episode.</summary>
    public static ViolationEpisodeReport Of(string episode, Guid camera, string type, long sequence, double confidence, bool resolved) => new(
        episode, sequence, camera, "Test Ave", "Brooklyn", type, "lane",
        resolved ? ViolationEpisodeStatus.Resolved : ViolationEpisodeStatus.Open, confidence,
        Start, resolved ? Start.AddSeconds(2 * sequence) : null, Start.AddSeconds(2 * sequence), [$"hash-{sequence}"],
        [new DetectionSummary("car", confidence, 10, 20, 30, 40)], "test");
}
