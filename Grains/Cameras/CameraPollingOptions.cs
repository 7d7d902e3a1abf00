using System.ComponentModel.DataAnnotations;

namespace VibeCheck.Grains.Cameras;

/// <summary>How cameras are watched and judged. Section <c>Cameras</c>.</summary>
public sealed class CameraPollingOptions
{
    public const string SectionName = "Cameras";

    /// <summary>Time between two polls of a watched camera.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Share of <see cref="PollInterval"/> over which first polls are spread, so that ~950 cameras do not all poll
    /// in the same second after a start.
    /// </summary>
    [Range(0.0, 1.0)]
    public double Jitter { get; set; } = 1.0;

    /// <summary>The cameras refresh about every 2 s; a request within this period is answered without a new fetch.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Camera ids to watch; empty means every valid camera of the registry.</summary>
    public List<Guid> Watch { get; set; } = [];

    /// <summary>At most this many cameras are watched (0: no limit), in registry order; for staged roll-outs and benchmarks.</summary>
    [Range(0, 100_000)]
    public int MaxWatched { get; set; }

    /// <summary>Consecutive failed fetches after which a camera is offline.</summary>
    [Range(1, 100)]
    public int OfflineAfterFailures { get; set; } = 3;

    /// <summary>Consecutive new frames whose picture (clock band excluded) did not change after which a camera is frozen.</summary>
    [Range(2, 1000)]
    public int FrozenAfterFrames { get; set; } = 10;

    /// <summary>Largest perceptual-hash distance (of 64 bits) still counted as "the same picture".</summary>
    [Range(0, 32)]
    public int FrozenHashDistance { get; set; } = 1;

    /// <summary>Service-card likelihood above which the camera is "being serviced".</summary>
    [Range(0.0, 1.0)]
    public double ServiceCardThreshold { get; set; } = 0.8;

    /// <summary>Period of the reminder that brings polling back after a silo restart or crash (Orleans minimum: 1 min).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the registry asks every watched camera to make sure it polls, so that the cameras of a silo that
    /// died are re-activated on the survivors soon after the cluster declares it dead, instead of at their next
    /// <see cref="KeepAlivePeriod"/> reminder. A pass costs one cheap call per watched camera.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// At most this many cameras the watchdog moves per pass to even out the silos (0: never move). A move restarts
    /// the camera's background model, so a scale-out is spread over several passes rather than done at once.
    /// </summary>
    [Range(0, 10_000)]
    public int RebalanceMovesPerPass { get; set; } = 64;

    /// <summary>How often the registry is synced from the API.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RegistrySyncInterval { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Delay before retrying a registry sync that failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RegistryRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
