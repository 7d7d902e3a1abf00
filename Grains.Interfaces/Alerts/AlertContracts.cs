namespace VibeCheck.Grains.Interfaces.Alerts;

/// <summary>What a ViolationGrain tells the router about its episode's alert.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.violation-alert-update")]
public sealed record ViolationAlertUpdate(
    [property: Id(0)] string EpisodeId,
    [property: Id(1)] Guid CameraId,
    [property: Id(2)] string CameraName,
    [property: Id(3)] string ViolationType,
    [property: Id(4)] string Zone,
    [property: Id(5)] string Borough,
    [property: Id(6)] double Confidence,
    [property: Id(7)] ViolationTier Tier,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt);

/// <summary>A camera's health as the registry heard it, with the size of the registry (the outage denominator).</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.camera-health-signal")]
public sealed record CameraHealthSignal(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] string Borough,
    [property: Id(2)] CameraHealth Health,
    [property: Id(3)] int KnownCameras);

/// <summary>Which system check.</summary>
[GenerateSerializer, Alias("vibecheck.system-condition")]
public enum SystemCondition
{
    /// <summary>Redis does not answer.</summary>
    RedisUnreachable,

    /// <summary>Redis answers slower than its threshold.</summary>
    RedisSlow,

    /// <summary>Processing latency p95 or error rate above its threshold for a window.</summary>
    PerformanceDegraded,
}

/// <summary>A sustained system condition started (Firing) or ended.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.system-condition-update")]
public sealed record SystemConditionUpdate(
    [property: Id(0)] SystemCondition Condition,
    [property: Id(1)] bool Firing,
    [property: Id(2)] string Metric,
    [property: Id(3)] double Value,
    [property: Id(4)] double Threshold,
    [property: Id(5)] TimeSpan Window,
    [property: Id(6)] string Detail);

/// <summary>Filter of <see cref="IAlertGrain.List"/>; null fields do not filter.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.alert-query")]
public sealed record AlertQuery(
    [property: Id(0)] string? Status,
    [property: Id(1)] string? Tier,
    [property: Id(2)] string? Camera);

/// <summary>One alert as the API shows it; tier and status in wire names (high, firing, ...).</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.alert-view")]
public sealed record AlertView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] string Tier,
    [property: Id(4)] IReadOnlyDictionary<string, string> Labels,
    [property: Id(5)] IReadOnlyDictionary<string, string> Annotations,
    [property: Id(6)] DateTimeOffset StartsAt,
    [property: Id(7)] DateTimeOffset? EndsAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] DateTimeOffset? FirstNotifiedAt,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt,
    [property: Id(11)] string? AcknowledgedBy,
    [property: Id(12)] DateTimeOffset? EscalatedAt,
    [property: Id(13)] string? MutedBecause);

/// <summary>One delivery attempt of a notification that carried the alert.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.delivery-attempt")]
public sealed record DeliveryAttemptView(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string Channel,
    [property: Id(2)] int Attempt,
    [property: Id(3)] string Outcome,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTimeOffset At);

/// <summary>A delivery waiting to be made or retried.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.delivery-view")]
public sealed record DeliveryView(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string Channel,
    [property: Id(2)] IReadOnlyList<string> AlertIds,
    [property: Id(3)] int Attempts,
    [property: Id(4)] DateTimeOffset NextAttemptAt,
    [property: Id(5)] string? LastError);

/// <summary>An alert and its deliveries (<c>GET /alerts/{id}</c>).</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.alert-details")]
public sealed record AlertDetails(
    [property: Id(0)] AlertView Alert,
    [property: Id(1)] IReadOnlyList<DeliveryAttemptView> Deliveries,
    [property: Id(2)] IReadOnlyList<DeliveryView> Pending,
    [property: Id(3)] IReadOnlyList<DeadLetterView> DeadLetters);

/// <summary>A label condition of a silence: operator one of <c>=</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.matcher-view")]
public sealed record MatcherView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Value,
    [property: Id(2)] string Operator);

/// <summary>A silence as stored and listed.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.silence-view")]
public sealed record SilenceView(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<MatcherView> Matchers,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] string CreatedBy,
    [property: Id(5)] string Comment,
    [property: Id(6)] string State);

/// <summary>A delivery given up on.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.dead-letter-view")]
public sealed record DeadLetterView(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string Channel,
    [property: Id(2)] IReadOnlyList<string> AlertIds,
    [property: Id(3)] int Attempts,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTimeOffset DeadAt);

/// <summary>What <see cref="IAlertGrain.SendTest"/> queued.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.test-alert-receipt")]
public sealed record TestAlertReceipt(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string NotificationId,
    [property: Id(2)] IReadOnlyList<string> Channels);

/// <summary>A camera's latest activity bucket is (Firing) or is no longer (not Firing) outside its forecast interval.</summary>
[GenerateSerializer, Immutable, Alias("vibecheck.unusual-activity-report")]
public sealed record UnusualActivityReport(
    [property: Id(0)] Guid CameraId,
    [property: Id(1)] bool Firing,
    [property: Id(2)] DateTimeOffset BucketStart,
    [property: Id(3)] double Value,
    [property: Id(4)] double Expected,
    [property: Id(5)] double Lower,
    [property: Id(6)] double Upper);

/// <summary>
/// The outcome of one delivery attempt, sent back to the alert grain by its sends, which run outside its turns.
/// <paramref name="Outcome"/> is <c>Success</c>, <c>Transient</c> or <c>Permanent</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("vibecheck.delivery-report")]
public sealed record DeliveryReport(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] int Attempt,
    [property: Id(2)] string Outcome,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset At);
