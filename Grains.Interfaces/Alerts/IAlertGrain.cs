using Orleans.Concurrency;

namespace VibeCheck.Grains.Interfaces.Alerts;

/// <summary>
/// An alert router: Alertmanager semantics (grouping, waits, repeats, resolved notifications, silences, inhibition,
/// escalation, acknowledgement) over a persisted outbox of deliveries. The front (key <see cref="Key"/>) holds the
/// system alerts and the silences and answers every query and acknowledgement for all routers; the cameras' alerts
/// are spread over shards (<see cref="AlertRouterKeys"/>), so no one grain writes the whole city's alerts per report.
/// Shards never wait for the front (their calls to it are one-way), so the front may wait for them.
/// </summary>
[Alias("vibecheck.IAlertGrain")]
public interface IAlertGrain : IGrainWithStringKey
{
    /// <summary>The front router of the city.</summary>
    const string Key = "nyc";

    /// <summary>A violation episode's alert was raised, changed tier or resolved; returns once persisted.</summary>
    [Alias("ReportViolation")]
    Task ReportViolation(ViolationAlertUpdate update);

    /// <summary>A camera's health, from the registry; offline, frozen or serviced cameras mute their violation alerts.</summary>
    [Alias("ReportCameraHealth")]
    [OneWay]
    Task ReportCameraHealth(CameraHealthSignal signal);

    /// <summary>Raises (firing) or resolves a system alert (Redis, performance) from a silo-side monitor.</summary>
    [Alias("ReportSystemCondition")]
    Task ReportSystemCondition(SystemConditionUpdate update);

    /// <summary>Raises or resolves a camera's "unusual activity for this hour" alert, from its forecaster; returns once persisted.</summary>
    [Alias("ReportUnusualActivity")]
    Task ReportUnusualActivity(UnusualActivityReport report);

    /// <summary>Alerts, newest first, filtered by status (firing/resolved), tier (high/medium/low) and camera; the front's answer includes every shard's.</summary>
    [Alias("List")]
    [AlwaysInterleave]
    Task<IReadOnlyList<AlertView>> List(AlertQuery query);

    /// <summary>One alert with its delivery history; null when unknown.</summary>
    [Alias("Get")]
    [AlwaysInterleave]
    Task<AlertDetails?> Get(string fingerprint);

    /// <summary>Acknowledges an alert (stops escalation and repeats); null when unknown.</summary>
    [Alias("Acknowledge")]
    Task<AlertView?> Acknowledge(string fingerprint, string by);

    /// <summary>Silences, active, pending and recently expired.</summary>
    [Alias("Silences")]
    [AlwaysInterleave]
    Task<IReadOnlyList<SilenceView>> Silences();

    /// <summary>Adds or replaces a silence; the errors when it is invalid (nothing stored then).</summary>
    [Alias("AddSilence")]
    Task<IReadOnlyList<string>> AddSilence(SilenceView silence);

    /// <summary>Ends a silence now; false when unknown.</summary>
    [Alias("ExpireSilence")]
    Task<bool> ExpireSilence(string id);

    /// <summary>Sends a test alert of the tier through that tier's channels, bypassing grouping.</summary>
    [Alias("SendTest")]
    Task<TestAlertReceipt> SendTest(string tier);

    /// <summary>Deliveries given up on, newest last, with the reason.</summary>
    [Alias("DeadLetters")]
    [AlwaysInterleave]
    Task<IReadOnlyList<DeadLetterView>> DeadLetters();

    /// <summary>Deliveries still pending (sent or retried later).</summary>
    [Alias("PendingDeliveries")]
    [AlwaysInterleave]
    Task<IReadOnlyList<DeliveryView>> PendingDeliveries();

    /// <summary>
    /// Outcomes of sends this grain started. Its deliveries run outside its turns, so a receiver that hangs holds
    /// up no report or query; the outcomes come back through this call and are applied in one state write.
    /// </summary>
    [Alias("DeliveriesFinished")]
    Task DeliveriesFinished(IReadOnlyList<DeliveryReport> reports);

    /// <summary>Front to shard: the silences and inhibiting alerts in force; returns the shard's health count.</summary>
    [Alias("ShareContext")]
    Task<RouterHealth> ShareContext(RouterContext context);

    /// <summary>
    /// Front to shard: alerts and groups of the shard's cameras that the front held from before they were sharded,
    /// as the alerting library's JSON (it has no Orleans serializers, and this runs once per upgrade); merged, the
    /// newer copy winning, so a repeat changes nothing.
    /// </summary>
    [Alias("Adopt")]
    Task Adopt(string handedStateJson);

    /// <summary>Shard to front: its count of unhealthy cameras changed (one-way, so a shard never waits for the front).</summary>
    [Alias("ReportRouterHealth")]
    [OneWay]
    Task ReportRouterHealth(RouterHealth health);
}
