namespace VibeCheck.Grains.Interfaces.Events;

/// <summary>
/// An event in a grain's persisted outbox, waiting to be published. Its <see cref="Id"/> is derived from the change
/// (e.g. episode id and transition), so publishing it again after a crash carries the same id and consumers can drop
/// the repeat. <see cref="Data"/> is the JSON of one of the <c>*EventData</c> records.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.pending-event")]
public sealed record PendingEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Source,
    [property: Id(3)] string Subject,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string Data);
