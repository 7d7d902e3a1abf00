using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.Placement;
using StackExchange.Redis;
using VibeCheck.Cameras;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Hosting;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Telemetry;
using VibeCheck.Vision;
using VibeCheck.Vision.Episodes;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// One NYC DOT camera. A grain timer polls it while the activation lives; a reminder brings the activation (and
/// so the timer) back after a silo restart or crash. Only frames whose hash is new, and not already analysed
/// under <c>vision:camera:{id}:frame:{hash}</c>, reach the analyser. Placed on the silo with the fewest activations
/// (the default, resource-optimised placement prefers the caller's silo, so the registry's silo took every camera),
/// and moved by the registry's watchdog when silos join (<see cref="CameraBalance"/>).
/// </summary>
[ActivationCountBasedPlacement]
public sealed partial class CameraGrain(
    [PersistentState("camera", StorageNames.Cameras)] IPersistentState<CameraState> state,
    NycDotClient nycDot,
    IFrameAnalyzer analyzer,
    IPublicReadModel readModel,
    CameraMetrics metrics,
    IOptions<CameraPollingOptions> options,
    TimeProvider clock,
    ViolationMonitor monitor,
    ILocalSiloDetails localSilo,
    IConnectionMultiplexer redis,
    UnsavedWork unsavedWork,
    EventPublisher events,
    ILogger<CameraGrain> logger) : Grain, ICameraGrain, IRemindable, IGrainMigrationParticipant
{
    private const string KeepAliveReminder = "poll-keepalive";
    private readonly CameraPollingOptions _options = options.Value;
    private IGrainTimer? _pollTimer;
    private ICameraFrameAnalyzer? _frameAnalyzer;
    private ProcessResult? _lastResult;
    private DateTimeOffset _lastResultAt;
    private bool _unsaved;
    private CameraPollCounters _counters = new(clock.GetUtcNow());

    private Guid CameraId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Enrolment.Watched && state.State.Enrolment.Registration is not null)
        {
            StartPolling();
            await this.RegisterOrUpdateReminder(KeepAliveReminder, _options.KeepAlivePeriod, _options.KeepAlivePeriod);
        }

        if (state.State.Enrolment.Registration is not null)
        {
            ReportHealth();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await PersistAsync();
        }

        if (_unsaved)
        {
            logger.LogWarning(
                "Camera {CameraId} deactivated ({Reason}) without saving its state, Redis being unreachable: gave up {Unsaved}",
                CameraId, reason.ReasonCode, DescribeUnsaved());
            unsavedWork.Release(UnsavedOwner);
        }

        _frameAnalyzer?.Dispose();
        _frameAnalyzer = null;
    }

    public async Task Register(CameraRegistration registration, bool watched)
    {
        var changed = state.State.Enrolment.Registration != registration || state.State.Enrolment.Watched != watched || state.State.Enrolment.Removed;
        state.State.Enrolment.Registration = registration;
        state.State.Enrolment.Watched = watched;
        state.State.Enrolment.Removed = false;
        if (watched)
        {
            StartPolling();
            await this.RegisterOrUpdateReminder(KeepAliveReminder, _options.KeepAlivePeriod, _options.KeepAlivePeriod);
        }
        else
        {
            await StopPollingAsync();
        }

        if (changed)
        {
            await PersistAsync();
        }

        ReportHealth();
    }

    public async Task Unregister()
    {
        state.State.Enrolment.Watched = false;
        state.State.Enrolment.Removed = true;
        await StopPollingAsync();
        await PersistAsync();
        DeactivateOnIdle();
    }

    public async Task<ProcessResult> ProcessNow()
    {
        if (state.State.Enrolment.Registration is null || state.State.Enrolment.Removed)
        {
            return new ProcessResult(ProcessOutcome.NotRegistered, CameraId, null, false, null, null, 0, "camera is not in the registry", state.State.Enrolment.Health);
        }

        var started = Stopwatch.GetTimestamp();
        if (_lastResult is not null && clock.GetUtcNow() - _lastResultAt < _options.RefreshPeriod)
        {
            CountRequest(cacheHit: true);
            return _lastResult with { CacheHit = true, ElapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
        }

        return await PollAsync(CancellationToken.None, requested: true);
    }

    /// <summary>
    /// The cache hit rate as the original design meant it: of the requests for a camera's analysis, those answered
    /// without a new analysis. A camera that refreshes every 2 s shows a new frame at nearly every poll, so counting
    /// the cameras' own polls made the rate the share of unchanged pictures instead. Failed fetches are counted as
    /// failures, not as misses.
    /// </summary>
    private void CountRequest(bool cacheHit)
    {
        if (cacheHit)
        {
            metrics.CacheHit();
            _counters.CacheHits++;
        }
        else
        {
            metrics.CacheMiss();
            _counters.CacheMisses++;
        }
    }

    public Task<CameraPlacement> EnsurePolling()
    {
        // Activation already started the timer of a watched camera; this only covers a timer lost otherwise.
        if (state.State.Enrolment.Watched && state.State.Enrolment.Registration is not null && !state.State.Enrolment.Removed)
        {
            StartPolling();
        }

        return Task.FromResult(new CameraPlacement(localSilo.SiloAddress, _pollTimer is not null, state.State.Sight.Episodes.Open.Count));
    }

    public Task MoveTo(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.Equals(localSilo.SiloAddress))
        {
            // The hint travels with the migration request; without it Orleans would place the camera by its strategy.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            MigrateOnIdle();
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            logger.LogDebug("Camera {CameraId} moves from {From} to {To}", CameraId, localSilo.SiloAddress, silo);
        }

        return Task.CompletedTask;
    }

    public Task<CameraSnapshot> GetSnapshot()
    {
        var s = state.State;
        return Task.FromResult(new CameraSnapshot(
            CameraId,
            s.Enrolment.Removed ? null : s.Enrolment.Registration,
            s.Enrolment.Watched,
            s.Enrolment.Health,
            s.Enrolment.HealthSince,
            s.Sight.LastFrameHash,
            s.Sight.LastFrameTakenAt,
            s.Enrolment.LastCheckedAt,
            s.Enrolment.LastError,
            s.Enrolment.ConsecutiveFailures,
            _counters.ToContract(),
            s.Sight.LastAnalysis));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Firing activated the grain, and activation restarted the timer; a camera no longer watched drops it.
        if (reminderName == KeepAliveReminder && !state.State.Enrolment.Watched)
        {
            return StopPollingAsync();
        }

        return Task.CompletedTask;
    }

    private void StartPolling()
    {
        if (_pollTimer is not null)
        {
            return;
        }

        var period = _options.PollInterval;
        var due = PollSchedule.FirstDue(state.State.Enrolment.LastCheckedAt, clock.GetUtcNow(), period, _options.Jitter, Random.Shared.NextDouble());
        _pollTimer = this.RegisterGrainTimer(
            async ct => await PollAsync(ct),
            new GrainTimerCreationOptions(due, period) { KeepAlive = true, Interleave = false });
    }

    private async Task StopPollingAsync()
    {
        _pollTimer?.Dispose();
        _pollTimer = null;
        var reminder = await this.GetReminder(KeepAliveReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
