using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Cameras;
using VibeCheck.Grains.Alerts;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// Keeps the city's camera list in step with the NYC DOT API and tells camera grains when they are added,
/// changed or removed. A failed sync keeps the last good list.
/// </summary>
public sealed partial class CameraRegistryGrain(
    [PersistentState("registry", StorageNames.Registry)] IPersistentState<RegistryState> state,
    NycDotClient nycDot,
    IClusterMembershipService membership,
    IOptions<CameraPollingOptions> options,
    AlertRouters alertRouters,
    TimeProvider clock,
    ILogger<CameraRegistryGrain> logger) : Grain, ICameraRegistryGrain, IRemindable
{
    private const string SyncReminder = "registry-sync";
    private const int RegistrationParallelism = 64;
    private readonly CameraPollingOptions _options = options.Value;
    private readonly Dictionary<Guid, CameraHealth> _health = [];
    private IGrainTimer? _retryTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartWatchdog();
        return Task.CompletedTask;
    }

    public async Task<RegistrySyncReport?> EnsureStarted()
    {
        await this.RegisterOrUpdateReminder(SyncReminder, _options.RegistrySyncInterval, _options.RegistrySyncInterval);
        await this.RegisterOrUpdateReminder(WatchdogReminder, WatchdogReminderPeriod, WatchdogReminderPeriod);
        var last = state.State.LastSuccessfulSyncAt;
        if (last is not null && clock.GetUtcNow() - last < _options.RegistrySyncInterval)
        {
            return state.State.LastSync;
        }

        return await Sync();
    }

    public async Task<RegistrySyncReport> Sync()
    {
        var now = clock.GetUtcNow();
        RegistryParseResult parsed;
        try
        {
            parsed = await nycDot.GetCamerasAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or RegistryFormatException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogError(ex, "Camera registry sync failed; keeping the {Count} cameras of the last good sync", state.State.Cameras.Count);
            var failed = new RegistrySyncReport(now, false, ex.Message, state.State.Cameras.Count, 0, 0, 0, []);
            state.State.LastSync = failed;
            await state.WriteStateAsync();
            ScheduleRetry();
            return failed;
        }

        var current = parsed.Cameras.Select(ToRegistration).ToList();
        var previous = state.State.Cameras;
        var diff = RegistryDiff.Compute(previous.Select(ToInfo), parsed.Cameras);
        var watched = SelectWatched(current);
        var previouslyWatched = state.State.Watched.ToHashSet();

        // Every added or changed camera, and every camera whose watch status flipped, hears about it.
        var touched = diff.Added.Concat(diff.Changed).Select(c => c.Id).ToHashSet();
        var toRegister = current
            .Where(c => touched.Contains(c.Id) || watched.Contains(c.Id) != previouslyWatched.Contains(c.Id))
            .ToList();
        if (previous.Count == 0 || state.State.LastSuccessfulSyncAt is null)
        {
            toRegister = current;
        }

        // Batches stay on the grain's scheduler (Parallel.ForEachAsync would leave it) and bound the fan-out.
        foreach (var batch in toRegister.Chunk(RegistrationParallelism))
        {
            await Task.WhenAll(batch.Select(c => GrainFactory.GetGrain<ICameraGrain>(c.Id).Register(c, watched.Contains(c.Id))));
        }

        foreach (var batch in diff.Removed.Chunk(RegistrationParallelism))
        {
            await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<ICameraGrain>(id).Unregister()));
        }
        foreach (var id in diff.Removed)
        {
            _health.Remove(id);
        }

        var report = new RegistrySyncReport(now, true, null, current.Count, diff.Added.Count, diff.Changed.Count, diff.Removed.Count,
            parsed.Rejected.Select(r => new RejectedEntry(r.Id, r.Name, r.Reason)).ToList());
        state.State.Cameras = current;
        state.State.Watched = [.. watched];
        state.State.LastSync = report;
        state.State.LastSuccessfulSyncAt = now;
        await state.WriteStateAsync();
        _retryTimer?.Dispose();
        _retryTimer = null;
        logger.LogInformation(
            "Camera registry synced: {Total} cameras ({Added} added, {Changed} changed, {Removed} removed), {Watched} watched, {Rejected} rejected",
            report.Total, report.Added, report.Changed, report.Removed, watched.Count, report.Rejected.Count);
        return report;
    }

    public Task<RegistrySyncReport?> LastSync() => Task.FromResult(state.State.LastSync);

    public Task<IReadOnlyList<CameraListing>> List(string? borough, CameraHealth? health)
    {
        var watched = state.State.Watched.ToHashSet();
        IReadOnlyList<CameraListing> listing = state.State.Cameras
            .Where(c => borough is null || string.Equals(c.Borough, borough, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CameraListing(c, _health.GetValueOrDefault(c.Id), watched.Contains(c.Id)))
            .Where(c => health is null || c.Health == health)
            .ToList();
        return Task.FromResult(listing);
    }

    public Task<IReadOnlyList<Guid>> CameraIds() =>
        Task.FromResult<IReadOnlyList<Guid>>(state.State.Cameras.Select(c => c.Id).ToList());

    public Task<HealthCounts> Counts()
    {
        var byHealth = Enum.GetValues<CameraHealth>().ToDictionary(h => h, _ => 0);
        foreach (var camera in state.State.Cameras)
        {
            byHealth[_health.GetValueOrDefault(camera.Id)]++;
        }

        return Task.FromResult(new HealthCounts(state.State.Cameras.Count, state.State.Watched.Count, byHealth));
    }

    public async Task<PollAllReport> PollAll(int parallelism)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = new List<ProcessResult>(state.State.Watched.Count);
        foreach (var batch in state.State.Watched.Chunk(Math.Clamp(parallelism, 1, 1024)))
        {
            results.AddRange(await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<ICameraGrain>(id).ProcessNow())));
        }

        return new PollAllReport(
            results.Count,
            results.Count(r => r.Outcome == ProcessOutcome.Processed),
            results.Count(r => r.CacheHit),
            results.Count(r => r.Outcome != ProcessOutcome.Processed),
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task ReportHealth(Guid cameraId, CameraHealth health)
    {
        _health[cameraId] = health;
        _ = alertRouters.ForCamera(cameraId).ReportCameraHealth(new(cameraId, state.State.Cameras.FirstOrDefault(c => c.Id == cameraId)?.Borough ?? "", health, state.State.Cameras.Count));
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SyncReminder)
        {
            await Sync();
        }

        // WatchdogReminder: firing re-activated the registry after a crash, and activation restarted the watchdog.
    }

    private HashSet<Guid> SelectWatched(IReadOnlyList<CameraRegistration> cameras)
    {
        IEnumerable<CameraRegistration> chosen = _options.Watch.Count == 0
            ? cameras
            : cameras.Where(c => _options.Watch.Contains(c.Id));
        if (_options.MaxWatched > 0)
        {
            chosen = chosen.Take(_options.MaxWatched);
        }

        return chosen.Select(c => c.Id).ToHashSet();
    }

    private void ScheduleRetry()
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(
            async _ => await Sync(),
            new GrainTimerCreationOptions(_options.RegistryRetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private static CameraRegistration ToRegistration(CameraInfo c) =>
        new(c.Id, c.Name, c.Latitude, c.Longitude, c.Borough, c.IsOnline, c.ImageUrl.ToString());

    private static CameraInfo ToInfo(CameraRegistration c) =>
        new(c.Id, c.Name, c.Latitude, c.Longitude, c.Borough, c.ListedOnline, new Uri(c.ImageUrl));
}
