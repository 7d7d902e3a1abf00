using VibeCheck.Grains.Interfaces.Forecasting;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision;
using VibeCheck.Vision.Activity;
using VibeCheck.Vision.Episodes;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The camera grain's detection bookkeeping on its persisted state, without Orleans: steps the episode tracker and
/// the activity buckets with each analysed frame and queues what must be handed off (violation reports, closed
/// buckets). The grain persists the queues before it sends them, so a crash loses nothing.
/// </summary>
public static class CameraDetection
{
    /// <summary>Resolved episodes kept for <c>GET /cameras/{id}/violations</c>.</summary>
    public const int MaxResolvedEpisodes = 50;

    /// <summary>Unacknowledged violation reports kept; beyond it the oldest updates of still-open episodes go first.</summary>
    public const int MaxPendingViolationReports = 1000;

    /// <summary>Unacknowledged activity buckets kept: one day.</summary>
    public const int MaxPendingActivityReports = ActivityCounter.DefaultMaxBuckets;

    /// <summary>
    /// One analysed frame: tracker step, resolved episodes kept, a report queued for every opened, updated or
    /// resolved episode, and the frame counted in its bucket. Returns the reports queued.
    /// </summary>
    public static IReadOnlyList<ViolationEpisodeReport> OnFrame(
        CameraState s, ViolationMonitor monitor, Guid cameraId, FrameAnalysis analysis, string frameHash, DateTimeOffset takenAt)
    {
        // A frame that could not be analysed is no evidence either way and changes nothing.
        if (analysis.Error is not null || analysis.Statistics is null)
        {
            return [];
        }

        // The frame's SHA-256 is the evidence: the hash POST /process and the vision:camera:{id}:frame:{hash} key show.
        var step = monitor.Process(s.Sight.Episodes, analysis.Detections, frameHash, analysis.Detector, takenAt, s.Sight.Zones);
        var reports = Apply(s, step, cameraId, takenAt);
        CountActivity(s, cameraId, takenAt, analysis.Detections, step.Opened.Select(e => e.Type));
        return reports;
    }

    /// <summary>
    /// No frame arrived (fetch failed): episodes without evidence for longer than the cutoff resolve, and buckets that
    /// ended before <paramref name="now"/> close.
    /// </summary>
    public static IReadOnlyList<ViolationEpisodeReport> OnNoFrame(CameraState s, ViolationMonitor monitor, Guid cameraId, DateTimeOffset now)
    {
        var reports = Apply(s, monitor.Tracker.Expire(s.Sight.Episodes, now), cameraId, now);
        CloseBuckets(s, cameraId, ActivityCounter.BucketStart(now));
        return reports;
    }

    /// <summary>Open episodes, then resolved ones, each newest first, as reports with sequence 0.</summary>
    public static IReadOnlyList<ViolationEpisodeReport> Listing(CameraState s, Guid cameraId) =>
        s.Sight.Episodes.Open.OrderByDescending(e => e.StartedAt)
            .Concat(s.Sight.ResolvedEpisodes.AsEnumerable().Reverse())
            .Select(e => e.ToReport(cameraId, s.Enrolment.Registration, 0, e.EndedAt ?? e.LastSeenAt))
            .ToList();

    private static List<ViolationEpisodeReport> Apply(CameraState s, EpisodeStep step, Guid cameraId, DateTimeOffset observedAt)
    {
        s.Sight.Episodes = step.State;
        s.Sight.ResolvedEpisodes.AddRange(step.Resolved);
        if (s.Sight.ResolvedEpisodes.Count > MaxResolvedEpisodes)
        {
            s.Sight.ResolvedEpisodes.RemoveRange(0, s.Sight.ResolvedEpisodes.Count - MaxResolvedEpisodes);
        }

        var reports = step.Updated.Concat(step.Resolved)
            .Select(e => e.ToReport(cameraId, s.Enrolment.Registration, s.Outbox.NextReportSequence++, observedAt))
            .ToList();
        s.Outbox.PendingViolationReports.AddRange(reports);
        while (s.Outbox.PendingViolationReports.Count > MaxPendingViolationReports)
        {
            // Each report carries the episode's whole state, so an older update of an open episode is the cheapest loss.
            var index = s.Outbox.PendingViolationReports.FindIndex(r => r.Status == ViolationEpisodeStatus.Open);
            s.Outbox.PendingViolationReports.RemoveAt(Math.Max(index, 0));
        }

        return reports;
    }

    private static void CountActivity(CameraState s, Guid cameraId, DateTimeOffset takenAt, IReadOnlyList<Vision.Detection> detections, IEnumerable<string> opened)
    {
        var start = ActivityCounter.BucketStart(takenAt);
        if (s.Sight.LastClosedBucketStart is { } closed && start <= closed)
        {
            return; // a late frame of a bucket already handed off
        }

        s.Sight.ActivityBuckets = [.. ActivityCounter.AddFrame(s.Sight.ActivityBuckets, takenAt, detections, opened, maxBuckets: 12)];
        CloseBuckets(s, cameraId, start);
    }

    private static void CloseBuckets(CameraState s, Guid cameraId, DateTimeOffset currentBucketStart)
    {
        foreach (var bucket in s.Sight.ActivityBuckets.Where(b => b.Start < currentBucketStart).ToList())
        {
            s.Sight.ActivityBuckets.Remove(bucket);
            s.Outbox.PendingActivityReports.Add(new ActivityBucketReport(
                cameraId, bucket.Start, ActivityCounter.BucketWidth, bucket.Frames,
                new Dictionary<string, int>(bucket.ObjectFrames), new Dictionary<string, int>(bucket.ViolationsOpened)));
            s.Sight.LastClosedBucketStart = s.Sight.LastClosedBucketStart is { } last && last > bucket.Start ? last : bucket.Start;
        }

        if (s.Outbox.PendingActivityReports.Count > MaxPendingActivityReports)
        {
            s.Outbox.PendingActivityReports.RemoveRange(0, s.Outbox.PendingActivityReports.Count - MaxPendingActivityReports);
        }
    }
}
