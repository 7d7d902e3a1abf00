using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using VibeCheck.Cameras;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Vision;
using VibeCheck.Vision.Tracking;

namespace VibeCheck.Grains.Cameras;

public sealed partial class CameraGrain
{
    /// <param name="cancellationToken">Stops the fetch.</param>
    /// <param name="requested">
    /// A request for the analysis (<see cref="ProcessNow"/>) rather than a timed poll: counted as a cache hit or miss
    /// once processed.
    /// </param>
    private async Task<ProcessResult> PollAsync(CancellationToken cancellationToken, bool requested = false)
    {
        var registration = state.State.Enrolment.Registration;
        if (registration is null || state.State.Enrolment.Removed)
        {
            return new ProcessResult(ProcessOutcome.NotRegistered, CameraId, null, false, null, null, 0, "camera is not in the registry", state.State.Enrolment.Health);
        }

        var started = Stopwatch.GetTimestamp();
        var fetch = await nycDot.GetImageAsync(new Uri(registration.ImageUrl), cancellationToken);
        var now = clock.GetUtcNow();
        metrics.FetchDuration.Record(fetch.Elapsed.TotalSeconds);
        _counters.Fetches++;
        state.State.Enrolment.LastCheckedAt = now;

        var result = fetch.IsSuccess
            ? await OnFrameAsync(fetch.Jpeg!, fetch.LastModified ?? now, now, started)
            : OnFetchFailed(fetch, started);
        if (!fetch.IsSuccess)
        {
            await TrackNoFrameAsync(now);
        }

        if (requested && result.Outcome == ProcessOutcome.Processed)
        {
            CountRequest(result.CacheHit);
        }

        await PersistAsync();
        if (HasOutbox)
        {
            _handOffFailed = false;
            DrainSoon();
        }

        _lastResult = result with { CacheHit = false };
        _lastResultAt = now;
        metrics.ProcessingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        PublishPolled(result);
        return result with { ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
    }

    private ProcessResult OnFetchFailed(FrameFetchResult fetch, long started)
    {
        var s = state.State;
        _counters.FetchFailures++;
        s.Enrolment.ConsecutiveFailures++;
        s.Enrolment.LastError = fetch.Error;
        metrics.FetchFailures.Add(1, new KeyValuePair<string, object?>("reason", fetch.Failure.ToString()));
        SetHealth(HealthJudge.AfterFailure(s.Enrolment.Health, s.Enrolment.ConsecutiveFailures, _options));
        logger.LogInformation("Camera {CameraId} fetch failed ({Failures} in a row): {Error}", CameraId, s.Enrolment.ConsecutiveFailures, fetch.Error);
        return new ProcessResult(ProcessOutcome.FetchFailed, CameraId, s.Sight.LastFrameHash, false, s.Sight.LastFrameTakenAt, null,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, fetch.Error, s.Enrolment.Health);
    }

    private async Task<ProcessResult> OnFrameAsync(byte[] jpeg, DateTimeOffset takenAt, DateTimeOffset now, long started)
    {
        var s = state.State;
        var hash = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        s.Enrolment.ConsecutiveFailures = 0;
        s.Enrolment.LastError = null;

        var unchanged = s.Sight.LastFrameHash == hash && s.Sight.LastAnalysis is not null;
        var analysis = unchanged ? s.Sight.LastAnalysis : await readModel.GetFrameAsync(CameraId, hash);
        var cacheHit = analysis is not null;
        // The rules run on the vision library's own result; the wire summary is only what is cached and answered.
        FrameAnalysis? fresh = null;
        if (unchanged)
        {
            _counters.FramesUnchanged++;
            s.Sight.IdenticalFrameStreak++;
        }
        else
        {
            s.Sight.IdenticalFrameStreak = 0;
            if (analysis is null)
            {
                fresh = Analyse(jpeg, takenAt);
                analysis = fresh.ToSummary();
                await readModel.SetFrameAsync(CameraId, hash, analysis);
            }

            var unchangedPicture = FrameHashes.LookUnchanged(s.Sight.LastPerceptualHash, analysis.PerceptualHash, _options.FrozenHashDistance);
            s.Sight.UnchangedPictureStreak = unchangedPicture ? s.Sight.UnchangedPictureStreak + 1 : 0;
            s.Sight.LastPerceptualHash = analysis.PerceptualHash ?? s.Sight.LastPerceptualHash;
            s.Sight.LastFrameHash = hash;
            s.Sight.LastFrameTakenAt = takenAt;
            s.Sight.LastAnalysis = analysis;
            await TrackFrameAsync(fresh ?? analysis.ToFrameAnalysis(), hash, takenAt);
        }

        metrics.FramePolled(unchanged ? "unchanged" : cacheHit ? "cached" : "analysed");

        SetHealth(analysis!.Error is not null
            ? s.Enrolment.Health
            : HealthJudge.AfterFrame(analysis.ServiceCardLikelihood, s.Sight.UnchangedPictureStreak, s.Sight.IdenticalFrameStreak, _options));
        if (analysis.Error is not null)
        {
            s.Enrolment.LastError = analysis.Error;
        }

        return new ProcessResult(ProcessOutcome.Processed, CameraId, hash, cacheHit, takenAt, analysis,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, analysis.Error, s.Enrolment.Health);
    }

    private FrameAnalysis Analyse(byte[] jpeg, DateTimeOffset takenAt)
    {
        var started = Stopwatch.GetTimestamp();
        _frameAnalyzer ??= CreateFrameAnalyzer();
        var analysis = _frameAnalyzer.Analyze(jpeg, takenAt, Zones);
        if (_frameAnalyzer is ITrackingCameraAnalyzer tracking)
        {
            // Persisted with the rest of the state, so a standing vehicle is still known after a move or a crash.
            state.State.Sight.Tracks = tracking.Tracks;
        }
        _counters.FramesAnalysed++;
        metrics.AnalysisDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return analysis;
    }

    private ICameraFrameAnalyzer CreateFrameAnalyzer()
    {
        var created = analyzer.CreateForCamera(CameraId.ToString());
        if (created is ITrackingCameraAnalyzer tracking && state.State.Sight.Tracks is { } tracks)
        {
            tracking.Restore(tracks);
        }

        return created;
    }

    private void SetHealth(CameraHealth health)
    {
        if (health == state.State.Enrolment.Health)
        {
            return;
        }

        PublishHealthChanged(state.State.Enrolment.Health, health);
        QueueHealthEvent(state.State.Enrolment.Health, health);
        logger.LogInformation("Camera {CameraId} is now {Health} (was {Previous})", CameraId, health, state.State.Enrolment.Health);
        Analytics.HealthTransitions.Record(ServiceProvider, CameraId, state.State.Enrolment.Health, health, clock.GetUtcNow(), state.State.Enrolment.LastError);
        state.State.Enrolment.Health = health;
        state.State.Enrolment.HealthSince = clock.GetUtcNow();
        metrics.HealthTransitions.Add(1, new KeyValuePair<string, object?>("health", health.ToString()));
        ReportHealth();
    }

    private void ReportHealth() =>
        GrainFactory.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).ReportHealth(CameraId, state.State.Enrolment.Health).Ignore();

    /// <summary>
    /// Writes state, and keeps it in memory when Redis fails: the next poll or the deactivation writes it again,
    /// so an outage delays persistence instead of losing it. While the silo's Redis connection is down the write is
    /// not even tried (<see cref="StorageUnreachable"/>).
    /// </summary>
    private async Task PersistAsync()
    {
        if (StorageUnreachable())
        {
            MarkUnsaved();
            DrainSoon();
            return;
        }

        try
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch (InconsistentStateException)
            {
                // A write that timed out may still have landed and moved the etag on; ours is newer, keep it.
                var mine = state.State;
                await state.ReadStateAsync();
                state.State = mine;
                await state.WriteStateAsync();
            }

            _unsaved = false;
            unsavedWork.Release(UnsavedOwner);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MarkUnsaved();
            metrics.StateWriteFailures.Add(1);
            logger.LogWarning(ex, "Saving camera {CameraId} state failed; kept in memory and retried on the next poll", CameraId);
        }
    }
}
