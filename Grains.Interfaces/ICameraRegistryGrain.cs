using Orleans.Concurrency;

namespace VibeCheck.Grains.Interfaces;

/// <summary>
/// The city's camera list, one per cluster (key <see cref="Key"/>): synced from the NYC DOT API on start and
/// every few hours by a reminder, it registers and unregisters camera grains and collects their health.
/// </summary>
[Alias("vibecheck.ICameraRegistryGrain")]
public interface ICameraRegistryGrain : IGrainWithStringKey
{
    const string Key = "nyc";

    /// <summary>Syncs now unless a sync succeeded within the sync interval; always makes sure the sync reminder exists.</summary>
    [Alias("EnsureStarted")]
    Task<RegistrySyncReport?> EnsureStarted();

    [Alias("Sync")]
    Task<RegistrySyncReport> Sync();

    [Alias("LastSync")]
    [AlwaysInterleave]
    Task<RegistrySyncReport?> LastSync();

    [Alias("List")]
    [AlwaysInterleave]
    Task<IReadOnlyList<CameraListing>> List(string? borough, CameraHealth? health);

    [Alias("CameraIds")]
    [AlwaysInterleave]
    Task<IReadOnlyList<Guid>> CameraIds();

    [Alias("Counts")]
    [AlwaysInterleave]
    Task<HealthCounts> Counts();

    /// <summary>Processes every watched camera once now, in bounded parallel batches (operators and benchmarks).</summary>
    [Alias("PollAll")]
    Task<PollAllReport> PollAll(int parallelism);

    /// <summary>
    /// Asks every watched camera to make sure it polls, now (silos call it when the cluster declares a silo dead; the
    /// registry also runs it every <c>Cameras:WatchdogPeriod</c>). A call while a pass runs joins that pass.
    /// </summary>
    [Alias("SweepCameras")]
    [AlwaysInterleave]
    Task<CameraSweepReport> SweepCameras(string reason);

    /// <summary>Camera grains report their health here whenever it changes and when they activate.</summary>
    [Alias("ReportHealth")]
    [OneWay]
    Task ReportHealth(Guid cameraId, CameraHealth health);
}
