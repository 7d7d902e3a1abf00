using Orleans.Concurrency;

namespace VibeCheck.Grains.Interfaces;

/// <summary>One NYC DOT camera, keyed by its UUID: polls, hashes and analyses its frames.</summary>
[Alias("vibecheck.ICameraGrain")]
public interface ICameraGrain : IGrainWithGuidKey
{
    /// <summary>Called by the registry on every sync that adds or changes the camera.</summary>
    [Alias("Register")]
    Task Register(CameraRegistration registration, bool watched);

    /// <summary>Called by the registry when the camera left the list: polling stops, history stays.</summary>
    [Alias("Unregister")]
    Task Unregister();

    /// <summary>
    /// Called by the camera's own hand-off, which runs off the camera's turns so that requests and polls do not wait
    /// for the grains downstream: removes what their grains acknowledged from the camera's outbox.
    /// </summary>
    [Alias("HandOffFinished")]
    Task HandOffFinished(CameraHandOffReceipt receipt);

    /// <summary>Fetches and analyses the latest frame unless a fresh one was processed within the camera's refresh period.</summary>
    [Alias("ProcessNow")]
    Task<ProcessResult> ProcessNow();

    /// <summary>
    /// Makes sure a watched camera polls; cheap and idempotent. The call itself is the point: it activates the grain
    /// on a live silo when its silo died, and activation restarts the poll timer (the registry's watchdog calls it).
    /// Answers where the camera now runs, so that the watchdog can balance cameras across silos.
    /// </summary>
    [Alias("EnsurePolling")]
    [AlwaysInterleave]
    Task<CameraPlacement> EnsurePolling();

    /// <summary>
    /// Moves the camera's activation to <paramref name="silo"/> once it is idle (Orleans live migration: its state
    /// travels with it, its background model starts afresh). No effect if it already runs there.
    /// </summary>
    [Alias("MoveTo")]
    Task MoveTo(SiloAddress silo);

    /// <summary>
    /// The camera's state as the grain holds it. Interleaved, like the other reads here: a poll waiting on Redis (an
    /// outage makes every write wait its timeout) must not hold readers behind it; each read is built in one turn.
    /// </summary>
    [Alias("GetSnapshot")]
    [AlwaysInterleave]
    Task<CameraSnapshot> GetSnapshot();

    /// <summary>
    /// Replaces the camera's zones after validating them (inside the frame, simple polygons, sane counts, unique
    /// names, known types); refused zones leave the stored ones unchanged.
    /// </summary>
    [Alias("SetZones")]
    Task<ZoneUpdateResult> SetZones(IReadOnlyList<CameraZone> zones);

    /// <summary>The camera's zones, as last accepted.</summary>
    [Alias("GetZones")]
    [AlwaysInterleave]
    Task<IReadOnlyList<CameraZone>> GetZones();

    /// <summary>
    /// The camera's violation episodes, newest first: the open ones and the most recently resolved. Each is shaped
    /// like the report sent to its <c>IViolationGrain</c>, with <c>Sequence</c> 0.
    /// </summary>
    [Alias("GetViolations")]
    [AlwaysInterleave]
    Task<IReadOnlyList<Violations.ViolationEpisodeReport>> GetViolations();

    /// <summary>Zones, episode counts and the hand-offs still pending.</summary>
    [Alias("GetDetectionStatus")]
    [AlwaysInterleave]
    Task<CameraDetectionStatus> GetDetectionStatus();
}
