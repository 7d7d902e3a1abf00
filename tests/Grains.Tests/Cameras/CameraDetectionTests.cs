using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>The camera grain's bookkeeping without a cluster: which reports and buckets it queues, and their bounds.</summary>
public sealed class CameraDetectionTests
{
    private static readonly Guid Camera = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly ViolationMonitor Monitor = new(
        new ViolationRuleOptions(), new EpisodeTrackerOptions { MinConsecutiveFrames = 3, EndCutoff = TimeSpan.FromSeconds(10) });

    private static CameraState NewCamera() => new()
    {
        Enrolment = { Registration = new CameraRegistration(Camera, "Test Ave", 40.7, -74.0, "Manhattan", true, "http://x/image") },
        Sight = { Zones = [new Zone("lane", ZoneType.BikeLane, [new(100, 150), new(300, 150), new(300, 230), new(100, 230)])] },
    };

    // As a cached analysis reaches the rules: the wire summary, through the grain's edge mapping.
    private static FrameAnalysis Frame(bool vehicleInLane, string? error = null) => new FrameAnalysisSummary(
        error, error is null ? 352 : 0, error is null ? 240 : 0, 100, 30, error is null ? "0123456789abcdef" : null, 0, "test/1",
        vehicleInLane ? [new DetectionSummary("vehicle", 0.9, 150, 130, 90, 55)] : [new DetectionSummary("person", 0.8, 10, 40, 10, 30)],
        new Dictionary<string, int>()).ToFrameAnalysis();

    [Fact]
    public void Episode_reports_are_queued_for_open_update_and_resolve_with_increasing_sequence()
    {
        var s = NewCamera();
        var reports = new List<ViolationEpisodeReport>();
        for (var i = 0; i < 12; i++)
        {
            reports.AddRange(CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: i < 5), $"hash{i}", T0.AddSeconds(2 * i)));
        }

        // Opens on frame 2, updated on frames 3 and 4, resolved on frame 10 (more than 10 s after frame 4).
        Assert.Equal([ViolationEpisodeStatus.Open, ViolationEpisodeStatus.Open, ViolationEpisodeStatus.Open, ViolationEpisodeStatus.Resolved], reports.Select(r => r.Status));
        Assert.Single(reports.Select(r => r.EpisodeId).Distinct());
        Assert.Equal(reports.Select(r => r.Sequence).Order(), reports.Select(r => r.Sequence));
        Assert.True(reports[0].Sequence > 0, "the violation grain ignores sequences it has seen, starting at -1");
        Assert.Equal(["hash0", "hash1", "hash2", "hash3", "hash4"], reports[^1].FrameHashes);
        Assert.Equal("Test Ave", reports[0].CameraName);
        Assert.Equal(reports, s.Outbox.PendingViolationReports);
        var listed = Assert.Single(CameraDetection.Listing(s, Camera));
        Assert.Equal(ViolationEpisodeStatus.Resolved, listed.Status);
        Assert.Equal(T0.AddSeconds(8), listed.EndedAt);
        Assert.Empty(s.Sight.Episodes.Open);
    }

    [Fact]
    public void Corrupt_frame_changes_no_episode_and_counts_no_activity()
    {
        var s = NewCamera();
        Assert.Empty(CameraDetection.OnFrame(s, Monitor, Camera, Frame(true, error: "corrupt JPEG"), "bad", T0));
        Assert.Empty(s.Sight.ActivityBuckets);
        Assert.Null(s.Sight.Episodes.LastFrameAt);
    }

    [Fact]
    public void Activity_bucket_closes_when_a_frame_of_a_later_bucket_arrives_and_late_frames_are_not_recounted()
    {
        var s = NewCamera();
        for (var i = 0; i < 6; i++)
        {
            CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: true), $"h{i}", T0.AddSeconds(2 * i));
        }

        Assert.Empty(s.Outbox.PendingActivityReports);
        CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: false), "later", T0.AddMinutes(5).AddSeconds(1));

        var closed = Assert.Single(s.Outbox.PendingActivityReports);
        Assert.Equal(T0, closed.BucketStart);
        Assert.Equal(TimeSpan.FromMinutes(5), closed.BucketLength);
        Assert.Equal(6, closed.FramesAnalysed);
        Assert.Equal(6, closed.CountsByClass["vehicle"]);
        Assert.Equal(1, closed.ViolationsByType[ViolationTypes.CarInBikeLane]);
        var open = Assert.Single(s.Sight.ActivityBuckets);
        Assert.Equal(T0.AddMinutes(5), open.Start);

        CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: false), "late", T0.AddMinutes(4));
        Assert.Single(s.Outbox.PendingActivityReports);
        Assert.Single(s.Sight.ActivityBuckets);
    }

    [Fact]
    public void Without_frames_stale_episodes_resolve_and_ended_buckets_close()
    {
        var s = NewCamera();
        for (var i = 0; i < 4; i++)
        {
            CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: true), $"h{i}", T0.AddSeconds(2 * i));
        }

        Assert.Empty(CameraDetection.OnNoFrame(s, Monitor, Camera, T0.AddSeconds(10)));
        var resolved = Assert.Single(CameraDetection.OnNoFrame(s, Monitor, Camera, T0.AddMinutes(6)));
        Assert.Equal(ViolationEpisodeStatus.Resolved, resolved.Status);
        Assert.Equal(T0, Assert.Single(s.Outbox.PendingActivityReports).BucketStart);
        Assert.Empty(s.Sight.ActivityBuckets);
    }

    [Fact]
    public void Pending_reports_are_bounded_dropping_updates_of_open_episodes_first()
    {
        var s = NewCamera();
        var at = T0;
        for (var i = 0; i < CameraDetection.MaxPendingViolationReports + 50; i++)
        {
            at = at.AddSeconds(2);
            CameraDetection.OnFrame(s, Monitor, Camera, Frame(vehicleInLane: true), $"h{i}", at);
        }

        Assert.Equal(CameraDetection.MaxPendingViolationReports, s.Outbox.PendingViolationReports.Count);
        Assert.Equal(s.Outbox.NextReportSequence - 1, s.Outbox.PendingViolationReports[^1].Sequence);
    }
}
