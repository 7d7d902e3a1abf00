namespace VibeCheck.Grains.Interfaces.Alerts;

/// <summary>
/// What the front router shares with every shard: the silences (which mute alerts wherever they are held) and its
/// firing alerts that inhibit others (the citywide outage mutes the cameras' health alerts in the shards).
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.router-context")]
public sealed record RouterContext(
    [property: Id(0)] IReadOnlyList<SilenceView> Silences,
    [property: Id(1)] IReadOnlyList<AlertView> Inhibitors);

/// <summary>A shard's count of unhealthy cameras, from which the front decides the citywide outage.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.router-health")]
public sealed record RouterHealth(
    [property: Id(0)] string Router,
    [property: Id(1)] int UnhealthyCameras,
    [property: Id(2)] int KnownCameras);
