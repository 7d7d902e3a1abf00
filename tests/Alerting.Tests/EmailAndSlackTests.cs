using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class EmailAndSlackTests
{
    private readonly FakeTimeProvider _clock = new(Make.T0.AddMinutes(1));

    private static EmailOptions Smtp(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        From = "vibecheck@example.com",
        To = ["ops@example.com"],
        UseStartTls = false,
        Timeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task Email_names_camera_violation_confidence_and_link_in_text_and_html()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var options = Smtp(smtp.Port);
        var channel = new EmailChannel(options, options.To);
        var notification = Drain.Notifications(1, ChannelNames.Email)[0];

        var result = await channel.SendAsync(notification, notification.IdempotencyKeyFor("email"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Success, result.Outcome);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("ops@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("vibecheck-1.email@vibecheck.alerts", message.MessageId);
        Assert.Equal("[VibeCheck HIGH] FIRING: bike_lane_blocked at Broadway @ cam0 (camera cam0)", message.Subject);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("cam0", body, StringComparison.Ordinal);
            Assert.Contains("bike_lane_blocked", body, StringComparison.Ordinal);
            Assert.Contains("0.91", body, StringComparison.Ordinal);
            Assert.Contains("https://vibecheck.example/alerts/" + notification.Alerts[0].Fingerprint, body, StringComparison.Ordinal);
        }

        Assert.Contains("<a href=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_recipient_refusal_ends_in_the_dead_letter_list_with_the_reason()
    {
        await using var smtp = await SmtpTestServer.StartAsync("ops@example.com");
        var options = Smtp(smtp.Port);
        var worker = new DeliveryWorker([new EmailChannel(options, options.To)], new DeliveryOptions(), _clock, NullLogger<DeliveryWorker>.Instance);
        var outbox = new Outbox().Enqueue(Drain.Notifications(1, ChannelNames.Email), _clock.GetUtcNow());

        outbox = await Drain.RunAsync(worker, outbox, _clock);

        var dead = Assert.Single(outbox.DeadLetters);
        Assert.StartsWith("SMTP 5", dead.Reason, StringComparison.Ordinal);
        Assert.Contains("RecipientNotAccepted", dead.Reason, StringComparison.Ordinal);
        Assert.Contains("ops@example.com", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(1, dead.Item.Attempts);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Escalation_goes_to_the_second_recipient_list()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var options = Smtp(smtp.Port);
        var escalationChannel = new EmailChannel(options, ["oncall@example.com"], ChannelNames.EscalationEmail);
        var planner = new NotificationPlanner(Make.Options(), [ChannelNames.Email, ChannelNames.EscalationEmail]);
        var state = new AlertingState().Upsert(Make.Violation("cam9"), Make.T0);
        state = planner.Plan(state, Make.T0.AddSeconds(30)).State;
        var escalation = Assert.Single(planner.Plan(state, Make.T0.AddMinutes(6)).Notifications);
        var worker = new DeliveryWorker([escalationChannel], new DeliveryOptions(), _clock, NullLogger<DeliveryWorker>.Instance);

        var outbox = await worker.DeliverDueAsync(new Outbox().Enqueue([escalation], _clock.GetUtcNow()), CancellationToken.None);

        Assert.Empty(outbox.Pending);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("oncall@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("ESCALATED", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_smtp_port_is_transient()
    {
        int port;
        await using (var smtp = await SmtpTestServer.StartAsync())
        {
            port = smtp.Port;
        }

        var options = Smtp(port);
        var result = await new EmailChannel(options, options.To).SendAsync(Drain.Notifications(1, "email")[0], "k", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
    }

    [Fact]
    public async Task Slack_receives_incoming_webhook_format()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        using var http = new HttpClient();
        var channel = new SlackChannel(http, new SlackOptions { Url = receiver.BaseUrl + "/services/T/B/X" }, allowPrivateNetworkTargets: true);
        var notification = Drain.Notifications(1, ChannelNames.Slack)[0];

        var result = await channel.SendAsync(notification, notification.IdempotencyKeyFor("slack"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Success, result.Outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/services/T/B/X", request.Path);
        using var doc = JsonDocument.Parse(request.Body);
        var root = doc.RootElement;
        Assert.Equal(AlertText.Subject(notification), root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["header", "section"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        var section = blocks[1].GetProperty("text");
        Assert.Equal("mrkdwn", section.GetProperty("type").GetString());
        var text = section.GetProperty("text").GetString()!;
        Assert.Contains("*firing* bike_lane_blocked at Broadway @ cam0 (camera cam0), confidence 0.91", text, StringComparison.Ordinal);
        Assert.Contains($"<https://vibecheck.example/alerts/{notification.Alerts[0].Fingerprint}|open>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_rejection_is_permanent()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((_, _, _) => Task.FromResult(404));
        using var http = new HttpClient();
        var channel = new SlackChannel(http, new SlackOptions { Url = receiver.BaseUrl }, allowPrivateNetworkTargets: true);

        var result = await channel.SendAsync(Drain.Notifications(1, "slack")[0], "k", CancellationToken.None);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.Permanent, "HTTP 404 NotFound"), result);
    }
}
