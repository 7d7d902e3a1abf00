namespace VibeCheck.Grains.Interfaces;

/// <summary>
/// One pass of the registry's camera watchdog: every watched camera was asked to make sure it polls, which
/// re-activates (and so restarts) the cameras of a silo that died. Unreachable ones are retried on the next pass.
/// <see cref="CamerasBySilo"/> counts where the cameras ran at the pass, before the <see cref="Moved"/> ones left to
/// even out the silos.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-sweep-report")]
public sealed record CameraSweepReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Reason,
    [property: Id(2)] int Watched,
    [property: Id(3)] int Unreachable,
    [property: Id(4)] double ElapsedMs,
    [property: Id(5)] IReadOnlyDictionary<string, int> CamerasBySilo,
    [property: Id(6)] int Moved);
