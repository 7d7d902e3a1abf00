using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class SmsChannelTests : IDisposable
{
    private const string Ops = "+12125550111";
    private const string Lead = "+447700900123";
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(Make.T0.AddMinutes(1));

    public void Dispose() => _http.Dispose();

    private static SmsOptions Options(TwilioStandIn twilio, params string[] to) => new()
    {
        AccountSid = TwilioStandIn.AccountSid,
        AuthToken = TwilioStandIn.AuthToken,
        From = TwilioStandIn.From,
        To = [.. to],
        BaseUrl = twilio.BaseUrl,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private List<SmsChannel> Channels(SmsOptions options) =>
        [.. options.To.Select(number => new SmsChannel(_http, options, number, allowPrivateNetworkTargets: true, _clock))];

    private DeliveryWorker Worker(IEnumerable<IAlertChannel> channels) =>
        new(channels, new DeliveryOptions { MaxAttempts = 8 }, _clock, NullLogger<DeliveryWorker>.Instance);

    /// <summary>HIGH notifications of <paramref name="groups"/> cameras, routed by the planner over the given channels.</summary>
    private Outbox Enqueue(IEnumerable<IAlertChannel> channels, int groups = 1) =>
        new Outbox().Enqueue(Drain.Notifications(groups, [.. channels.Select(c => c.Name)]), _clock.GetUtcNow());

    [Fact]
    public async Task Each_recipient_gets_one_gsm7_segment_posted_as_twilio_expects()
    {
        await using var twilio = await TwilioStandIn.StartAsync();
        var channels = Channels(Options(twilio, Ops, Lead));
        var outbox = Enqueue(channels);

        outbox = await Drain.RunAsync(Worker(channels), outbox, _clock);

        Assert.Empty(outbox.Pending);
        Assert.Empty(outbox.DeadLetters);
        Assert.Equal(["vibecheck-1:sms:+12125550111", "vibecheck-1:sms:+447700900123"], outbox.History.Select(h => h.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(outbox.History, h => Assert.Matches("^Twilio accepted message SM[0-9a-f]{32} \\(queued\\)$", h.Reason));
        Assert.Equal([Ops, Lead], twilio.Accepted.Select(m => m.To).Order(StringComparer.Ordinal));
        var message = twilio.Accepted[0];
        Assert.Equal(TwilioStandIn.From, message.From);
        Assert.True(Gsm7.IsGsm7(message.Body), message.Body);
        Assert.InRange(Gsm7.Septets(message.Body), 1, Gsm7.SegmentSeptets);
        Assert.Matches(
            "^VibeCheck HIGH: bike_lane_blocked at Broadway @ cam0, conf 0\\.91 https://vibecheck\\.example/alerts/[0-9a-f]{16}$", message.Body);
        Assert.All(twilio.Requests, r => Assert.StartsWith("application/x-www-form-urlencoded", r.Headers["Content-Type"], StringComparison.Ordinal));
    }

    public static TheoryData<string, int> PermanentFaults => new()
    {
        { "invalid number", 21211 },
        { "unsubscribed recipient", 21610 },
    };

    [Theory]
    [MemberData(nameof(PermanentFaults))]
    public async Task Permanent_twilio_error_is_dead_lettered_at_once_and_the_other_recipient_still_gets_it(string what, int code)
    {
        var fault = code == 21211 ? TwilioFault.InvalidNumber : TwilioFault.Unsubscribed;
        await using var twilio = await TwilioStandIn.StartAsync((_, to) => to == Lead ? fault : null);
        var channels = Channels(Options(twilio, Ops, Lead));

        var outbox = await Drain.RunAsync(Worker(channels), Enqueue(channels), _clock);

        var dead = Assert.Single(outbox.DeadLetters);
        Assert.Equal(ChannelNames.SmsTo(Lead), dead.Item.Channel);
        Assert.Equal(1, dead.Item.Attempts);
        Assert.Contains($"error {code}", dead.Reason, StringComparison.Ordinal);
        Assert.Contains(what == "invalid number" ? "invalid 'To' number" : "unsubscribed", dead.Reason, StringComparison.Ordinal);
        Assert.Empty(outbox.Pending);
        Assert.Equal(Ops, Assert.Single(twilio.Accepted).To);
        Assert.Equal(1, twilio.Requests.Count(r => r.Status == 400));
    }

    [Fact]
    public async Task Wrong_credentials_are_dead_lettered_without_retries_or_the_token_in_the_reason()
    {
        await using var twilio = await TwilioStandIn.StartAsync();
        var options = Options(twilio, Ops);
        options.AuthToken = "not-the-token-0000000000000000";
        var channels = Channels(options);

        var outbox = await Drain.RunAsync(Worker(channels), Enqueue(channels), _clock);

        var dead = Assert.Single(outbox.DeadLetters);
        Assert.StartsWith("Twilio HTTP 401 Unauthorized, error 20003 (authentication failed)", dead.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(options.AuthToken, dead.Reason, StringComparison.Ordinal);
        Assert.Single(twilio.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Throttling_and_server_errors_are_retried_until_twilio_accepts(int status)
    {
        var fault = status == 429 ? TwilioFault.TooManyRequests : TwilioFault.Unavailable;
        await using var twilio = await TwilioStandIn.StartAsync((n, _) => n <= 2 ? fault : null);
        var channels = Channels(Options(twilio, Ops));

        var outbox = await Drain.RunAsync(Worker(channels), Enqueue(channels), _clock);

        Assert.Empty(outbox.Pending);
        Assert.Empty(outbox.DeadLetters);
        Assert.Equal([DeliveryOutcome.Transient, DeliveryOutcome.Transient, DeliveryOutcome.Success], outbox.History.Select(h => h.Outcome));
        Assert.Contains($"Twilio HTTP {status}", outbox.History[0].Reason, StringComparison.Ordinal);
        Assert.True(outbox.History[2].At > outbox.History[0].At, "the retries waited for their backoff");
        Assert.Single(twilio.Accepted);
    }

    [Fact]
    public async Task Messages_over_the_recipient_limit_are_dead_lettered_as_suppressed_until_the_window_passes()
    {
        await using var twilio = await TwilioStandIn.StartAsync();
        var options = Options(twilio, Ops);
        options.MaxPerRecipient = 3;
        var channels = Channels(options);
        var worker = Worker(channels);

        var outbox = await Drain.RunAsync(worker, Enqueue(channels, groups: 5), _clock);

        Assert.Equal(3, twilio.Accepted.Count);
        Assert.Empty(outbox.Pending);
        Assert.Equal(2, outbox.DeadLetters.Count);
        Assert.All(outbox.DeadLetters, d =>
        {
            Assert.StartsWith($"suppressed: {Ops} already had 3 SMS within 01:00:00", d.Reason, StringComparison.Ordinal);
            Assert.Equal(1, d.Item.Attempts);
        });

        _clock.Advance(TimeSpan.FromHours(1));
        var later = await Drain.RunAsync(worker, Enqueue(channels), _clock);

        Assert.Empty(later.DeadLetters);
        Assert.Equal(4, twilio.Accepted.Count);
    }

    [Fact]
    public async Task Failed_attempts_do_not_use_up_the_recipient_limit()
    {
        await using var twilio = await TwilioStandIn.StartAsync((n, _) => n <= 3 ? TwilioFault.Unavailable : null);
        var options = Options(twilio, Ops);
        options.MaxPerRecipient = 1;
        var channels = Channels(options);

        var outbox = await Drain.RunAsync(Worker(channels), Enqueue(channels), _clock);

        Assert.Empty(outbox.DeadLetters);
        Assert.Single(twilio.Accepted);
        Assert.Equal(4, twilio.Requests.Count);
    }

    [Fact]
    public async Task Base_url_on_loopback_is_refused_unless_private_targets_are_allowed()
    {
        var options = new SmsOptions { AccountSid = TwilioStandIn.AccountSid, AuthToken = "t", From = TwilioStandIn.From, To = [Ops], BaseUrl = "http://127.0.0.1:1" };
        var channel = new SmsChannel(_http, options, Ops, allowPrivateNetworkTargets: false, _clock);

        var result = await channel.SendAsync(Drain.Notifications(1, channel.Name)[0], "k", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("loopback", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_name_sms_and_reach_every_recipient_for_high_alerts_and_escalations_but_not_medium()
    {
        string[] configured = [ChannelNames.Webhook, ChannelNames.EscalationEmail, ChannelNames.SmsTo(Ops), ChannelNames.SmsTo(Lead)];
        var planner = new NotificationPlanner(Make.Options(), configured);
        var state = new AlertingState()
            .Upsert(Make.Violation("cam1"), Make.T0)
            .Upsert(Make.Violation("cam2", tier: AlertTier.Medium), Make.T0);

        var first = planner.Plan(state, Make.T0.AddSeconds(30));
        var escalation = Assert.Single(planner.Plan(first.State, Make.T0.AddMinutes(6)).Notifications, n => n.Kind == NotificationKind.Escalation);

        var sms = new[] { ChannelNames.SmsTo(Ops), ChannelNames.SmsTo(Lead) };
        Assert.Equal([ChannelNames.Webhook, .. sms], first.Notifications.Single(n => n.Tier == AlertTier.High).Channels);
        Assert.Equal([ChannelNames.Webhook], first.Notifications.Single(n => n.Tier == AlertTier.Medium).Channels);
        Assert.Equal([ChannelNames.EscalationEmail, .. sms], escalation.Channels);
    }
}
