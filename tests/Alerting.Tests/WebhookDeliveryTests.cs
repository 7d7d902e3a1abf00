using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "test-secret-0123456789";
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(Make.T0.AddMinutes(1));

    public void Dispose() => _http.Dispose();

    private WebhookChannel Channel(string url, TimeSpan? timeout = null) =>
        new(_http, new WebhookOptions { Url = url, Secret = Secret, Timeout = timeout ?? TimeSpan.FromSeconds(10) }, allowPrivateNetworkTargets: true);

    private DeliveryWorker Worker(IAlertChannel channel, int maxAttempts = 8) =>
        new([channel], new DeliveryOptions { MaxAttempts = maxAttempts }, _clock, NullLogger<DeliveryWorker>.Instance);

    [Fact]
    public async Task Receiver_gets_alertmanager_v4_layout_with_a_valid_signature()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Webhook), _clock.GetUtcNow());

        outbox = await Worker(Channel(receiver.BaseUrl + "/hook")).DeliverDueAsync(outbox, CancellationToken.None);

        Assert.Empty(outbox.Pending);
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(request.Body, Secret, request.Headers["X-VibeCheck-Signature"]));
        Assert.Matches("^sha256=[0-9a-f]{64}$", request.Headers["X-VibeCheck-Signature"]);
        Assert.False(WebhookSignature.Verify(request.Body, "another-secret-000000", request.Headers["X-VibeCheck-Signature"]));
        Assert.Equal("vibecheck-1:webhook", request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        Assert.Equal(
            ["version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("4", root.GetProperty("version").GetString());
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("webhook", root.GetProperty("receiver").GetString());
        Assert.Equal("{}:{camera=\"cam0\", type=\"bike_lane_blocked\"}", root.GetProperty("groupKey").GetString());
        Assert.Equal("cam0", root.GetProperty("groupLabels").GetProperty("camera").GetString());
        Assert.Equal("high", root.GetProperty("commonLabels").GetProperty("severity").GetString());
        Assert.Equal("https://vibecheck.example", root.GetProperty("externalURL").GetString());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray().ToList());
        Assert.Equal("firing", alert.GetProperty("status").GetString());
        Assert.Equal(AlertNames.Violation, alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("0.91", alert.GetProperty("annotations").GetProperty("confidence").GetString());
        Assert.Equal("2026-03-02T08:00:00.000Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal(WebhookAlert.ZeroTime, alert.GetProperty("endsAt").GetString());
        Assert.Matches("^[0-9a-f]{16}$", alert.GetProperty("fingerprint").GetString());
        Assert.StartsWith("https://vibecheck.example/alerts/", alert.GetProperty("generatorURL").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flat_format_receiver_gets_the_original_fields_with_a_valid_signature()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Webhook), _clock.GetUtcNow());
        var flat = new WebhookChannel(
            _http, new WebhookOptions { Url = receiver.BaseUrl + "/hook", Secret = Secret, Format = WebhookFormat.Flat }, allowPrivateNetworkTargets: true);

        outbox = await Worker(flat).DeliverDueAsync(outbox, CancellationToken.None);

        Assert.Empty(outbox.Pending);
        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(request.Body, Secret, request.Headers["X-VibeCheck-Signature"]));
        Assert.Equal("vibecheck-1:webhook", request.Headers["Idempotency-Key"]);
        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        Assert.Equal("VIOLATION_ALERT", root.GetProperty("type").GetString());
        Assert.Equal("HIGH", root.GetProperty("severity").GetString());
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("cam0", root.GetProperty("camera_id").GetString());
        Assert.Equal("Broadway @ cam0", root.GetProperty("camera_name").GetString());
        Assert.Equal("Manhattan", root.GetProperty("borough").GetString());
        Assert.Equal("bike_lane_blocked", root.GetProperty("violation_type").GetString());
        Assert.Equal("lane-1", root.GetProperty("zone").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("confidence").ValueKind);
        Assert.Equal(0.91, root.GetProperty("confidence").GetDouble());
        Assert.Equal("2026-03-02T08:00:00.000Z", root.GetProperty("started_at").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ended_at").ValueKind);
        Assert.False(root.GetProperty("escalated").GetBoolean());
        Assert.Matches("^[0-9a-f]{16}$", root.GetProperty("alert_id").GetString());
        Assert.Equal("https://vibecheck.example/alerts/" + root.GetProperty("alert_id").GetString(), root.GetProperty("url").GetString());
        Assert.Equal("vibecheck-1", root.GetProperty("notification_id").GetString());
        Assert.Equal(1, root.GetProperty("alert_count").GetInt32());
        Assert.Equal(root.GetProperty("alert_id").GetString(), Assert.Single(root.GetProperty("alerts").EnumerateArray().ToList()).GetProperty("alert_id").GetString());
        Assert.False(root.TryGetProperty("version", out _), "no Alertmanager fields in the flat layout");
    }

    [Fact]
    public void Flat_payload_puts_the_most_severe_firing_alert_on_top_and_lists_every_alert()
    {
        var planner = new NotificationPlanner(Make.Options(), [ChannelNames.Webhook]);
        var medium = Make.Violation("cam1", episode: "a", tier: AlertTier.Medium, confidence: 0.7);
        var high = Make.Violation("cam1", episode: "b", confidence: 0.93);
        var gone = Make.Violation("cam1", episode: "c", confidence: 0.95);
        var state = new AlertingState().Upsert(medium, Make.T0).Upsert(gone, Make.T0).Upsert(high, Make.T0);
        state = planner.Plan(state, Make.T0).State.Resolve(gone.Fingerprint, Make.T0.AddSeconds(5));
        var notification = Assert.Single(planner.Plan(state, Make.T0.AddMinutes(5)).Notifications, n => n.Kind == NotificationKind.Group);

        var payload = FlatWebhookPayload.From(notification);

        Assert.Equal(high.Fingerprint, payload.AlertId);
        Assert.Equal("HIGH", payload.Severity);
        Assert.Equal(0.93, payload.Confidence);
        Assert.Equal(3, payload.AlertCount);
        Assert.Equal([high.Fingerprint, medium.Fingerprint, gone.Fingerprint], payload.Alerts.Select(a => a.AlertId));
        Assert.Equal("resolved", payload.Alerts[2].Status);
        Assert.Equal("2026-03-02T08:00:05.000Z", payload.Alerts[2].EndedAt);
        Assert.Equal("MEDIUM", payload.Alerts[1].Severity);
    }

    [Fact]
    public async Task Webhook_failing_five_times_then_recovering_gets_every_alert_exactly_once()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((n, _, _) => Task.FromResult(n <= 5 ? 503 : 200));
        var notifications = Drain.Notifications(3, ChannelNames.Webhook);
        var outbox = new Outbox().Enqueue(notifications, _clock.GetUtcNow());

        outbox = await Drain.RunAsync(Worker(Channel(receiver.BaseUrl)), outbox, _clock);

        Assert.Empty(outbox.Pending);
        Assert.Empty(outbox.DeadLetters);
        Assert.Equal(5, receiver.Requests.Count(r => r.Status == 503));
        var accepted = receiver.Accepted.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(notifications.Select(n => n.IdempotencyKeyFor("webhook")).Order(), accepted.Order());
        Assert.True(_clock.GetUtcNow() > Make.T0.AddMinutes(1).AddSeconds(10), "retries waited for the backoff");
    }

    [Fact]
    public async Task Hanging_webhook_times_out_and_the_retry_succeeds()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(async (n, _, ct) =>
        {
            if (n == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return 200;
        });
        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Webhook), _clock.GetUtcNow());
        var worker = Worker(Channel(receiver.BaseUrl, TimeSpan.FromSeconds(2)));

        var afterFirst = await worker.DeliverDueAsync(outbox, CancellationToken.None);
        var done = await Drain.RunAsync(worker, afterFirst, _clock);

        Assert.Contains("timed out", Assert.Single(afterFirst.Pending).LastError, StringComparison.Ordinal);
        Assert.Empty(done.Pending);
        Assert.Equal(DeliveryOutcome.Transient, done.History[0].Outcome);
        Assert.Equal(DeliveryOutcome.Success, done.History[^1].Outcome);
        Assert.True(done.History[^1].At > done.History[0].At, "the retry waited for its backoff");
        Assert.Single(receiver.Accepted);
    }

    [Theory]
    [InlineData("not a url", "invalid URL")]
    [InlineData("ftp://127.0.0.1/hook", "invalid URL")]
    public async Task Bad_url_ends_in_the_dead_letter_list_with_the_reason(string url, string reason)
    {
        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Webhook), _clock.GetUtcNow());

        outbox = await Drain.RunAsync(Worker(Channel(url)), outbox, _clock);

        var dead = Assert.Single(outbox.DeadLetters);
        Assert.Contains(reason, dead.Reason, StringComparison.Ordinal);
        Assert.Equal(1, dead.Item.Attempts);
    }

    [Fact]
    public async Task Private_target_is_refused_unless_allowed()
    {
        var channel = new WebhookChannel(_http, new WebhookOptions { Url = "http://127.0.0.1:1/hook", Secret = Secret }, allowPrivateNetworkTargets: false);

        var result = await channel.SendAsync(Drain.Notifications(1, ChannelNames.Webhook)[0], "k", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("loopback", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_receiver_is_dead_lettered_after_the_retries()
    {
        string url;
        await using (var gone = await LoopbackReceiver.StartAsync())
        {
            url = gone.BaseUrl;
        }

        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Webhook), _clock.GetUtcNow());

        outbox = await Drain.RunAsync(Worker(Channel(url), maxAttempts: 4), outbox, _clock);

        var dead = Assert.Single(outbox.DeadLetters);
        Assert.StartsWith("gave up after 4 attempts: request failed", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(4, dead.Item.Attempts);
    }

    [Fact]
    public async Task Restart_mid_delivery_loses_nothing_and_reuses_the_idempotency_key()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var persisted = Newtonsoft.Json.JsonConvert.SerializeObject(
            new Outbox().Enqueue(Drain.Notifications(2, ChannelNames.Webhook), _clock.GetUtcNow()));

        // The silo sends but dies before persisting the worker's result.
        _ = await Worker(Channel(receiver.BaseUrl)).DeliverDueAsync(
            Newtonsoft.Json.JsonConvert.DeserializeObject<Outbox>(persisted)!, CancellationToken.None);
        var restarted = await Worker(Channel(receiver.BaseUrl)).DeliverDueAsync(
            Newtonsoft.Json.JsonConvert.DeserializeObject<Outbox>(persisted)!, CancellationToken.None);

        Assert.Empty(restarted.Pending);
        var keys = receiver.Accepted.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal(2, keys.Distinct().Count());
    }
}
