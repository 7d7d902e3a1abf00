using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Grains.Tests.Violations;

/// <summary>
/// Cameras keep unsent episode reports in their state (Newtonsoft JSON in Redis). The report's status was a string
/// ("open", "resolved") before it became an enum: state written then must still load.
/// </summary>
public sealed class EpisodeReportStateCompatibilityTests
{
    [Theory]
    [InlineData("\"open\"", ViolationEpisodeStatus.Open)]
    [InlineData("\"resolved\"", ViolationEpisodeStatus.Resolved)]
    [InlineData("1", ViolationEpisodeStatus.Resolved)]
    public void A_report_stored_with_a_string_status_loads(string stored, ViolationEpisodeStatus expected)
    {
        var report = new ViolationEpisodeReport(
            "e1", 3, Guid.NewGuid(), "Test Ave", "Manhattan", "bike_lane_blocked", "lane", ViolationEpisodeStatus.Open, 0.9,
            DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, ["h"], [new DetectionSummary("car", 0.9, 1, 2, 3, 4)], "test");
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(report);
        var old = json.Replace("\"Status\":0", $"\"Status\":{stored}", StringComparison.Ordinal);
        Assert.NotEqual(json, old);

        var loaded = Newtonsoft.Json.JsonConvert.DeserializeObject<ViolationEpisodeReport>(old)!;

        Assert.Equal(expected, loaded.Status);
        Assert.Equal(report.EpisodeId, loaded.EpisodeId);
    }
}
