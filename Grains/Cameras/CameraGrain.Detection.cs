using Microsoft.Extensions.Logging;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Vision;

namespace VibeCheck.Grains.Cameras;

/// <summary>Zones, violation episodes and activity buckets: the rules run in the vision library, hand-offs retry here.</summary>
public sealed partial class CameraGrain
{
    private const int NycFrameWidth = 352;
    private const int NycFrameHeight = 240;

    public async Task<ZoneUpdateResult> SetZones(IReadOnlyList<CameraZone> zones)
    {
        var last = state.State.Sight.LastAnalysis;
        var (width, height) = last is { Error: null, Width: > 0, Height: > 0 } ? (last.Width, last.Height) : (NycFrameWidth, NycFrameHeight);
        var (parsed, errors) = CameraZoneMapping.ToZones(zones, width, height);
        if (errors.Count > 0)
        {
            return new ZoneUpdateResult(false, errors, CurrentZones());
        }

        state.State.Sight.Zones = parsed;
        await PersistAsync();
        if (_unsaved)
        {
            throw new InvalidOperationException($"The zones of camera {CameraId} could not be saved; try again.");
        }

        logger.LogInformation("Camera {CameraId} now has {Zones} zones", CameraId, parsed.Count);
        return new ZoneUpdateResult(true, [], CurrentZones());
    }

    public Task<IReadOnlyList<CameraZone>> GetZones() => Task.FromResult(CurrentZones());

    public Task<IReadOnlyList<ViolationEpisodeReport>> GetViolations() =>
        Task.FromResult(CameraDetection.Listing(state.State, CameraId));

    public Task<CameraDetectionStatus> GetDetectionStatus()
    {
        var s = state.State;
        var bucket = s.Sight.ActivityBuckets.LastOrDefault();
        return Task.FromResult(new CameraDetectionStatus(
            s.Sight.Zones.Count, s.Sight.Episodes.Open.Count, s.Sight.ResolvedEpisodes.Count,
            s.Outbox.PendingViolationReports.Count, s.Outbox.PendingActivityReports.Count,
            bucket?.Start, bucket?.Frames ?? 0, s.Outbox.ViolationReportsSent, s.Outbox.ActivityReportsSent));
    }

    private IReadOnlyList<CameraZone> CurrentZones() => state.State.Sight.Zones.Select(z => z.ToContract()).ToList();

    private IReadOnlyList<Zone> Zones => state.State.Sight.Zones;

    /// <summary>After a new frame's analysis: episodes and activity; the latest episode of each type goes to the 24 h key.</summary>
    private async Task TrackFrameAsync(FrameAnalysis analysis, string frameHash, DateTimeOffset takenAt)
    {
        await CacheLatestAsync(CameraDetection.OnFrame(state.State, monitor, CameraId, analysis, frameHash, takenAt));
    }

    /// <summary>After a failed fetch: stale episodes resolve by time, ended buckets close.</summary>
    private async Task TrackNoFrameAsync(DateTimeOffset now)
    {
        await CacheLatestAsync(CameraDetection.OnNoFrame(state.State, monitor, CameraId, now));
    }

    private async Task CacheLatestAsync(IReadOnlyList<ViolationEpisodeReport> reports)
    {
        foreach (var latest in reports.GroupBy(r => r.Type).Select(g => g.Last()))
        {
            await readModel.SetJsonAsync(CacheKeys.Violation(CameraId, latest.Type), latest, CacheKeys.ViolationTtl);
        }
    }
}
