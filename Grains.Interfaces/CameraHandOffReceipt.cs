namespace VibeCheck.Grains.Interfaces;

/// <summary>
/// What a camera's hand-off delivered, reported back to the camera: the violation reports and activity buckets their
/// grains acknowledged, and whether it got through everything it took (false: it stopped at a failure).
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-hand-off-receipt")]
public sealed record CameraHandOffReceipt(
    [property: Id(0)] IReadOnlyList<HandedOffReport> Reports,
    [property: Id(1)] IReadOnlyList<DateTimeOffset> Buckets,
    [property: Id(2)] bool Complete);

/// <summary>One violation report a violation grain acknowledged: its episode and sequence.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.handed-off-report")]
public sealed record HandedOffReport([property: Id(0)] string EpisodeId, [property: Id(1)] long Sequence);
