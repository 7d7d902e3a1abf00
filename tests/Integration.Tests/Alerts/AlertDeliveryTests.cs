using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Violations;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>Violation episodes through the grains to a real webhook receiver and SMTP server.</summary>
[Collection(AlertClusterCollection.Name)]
public sealed class AlertDeliveryTests(AlertClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly string Sms = ChannelNames.SmsTo(AlertClusterFixture.OpsPhone);
    private VibeCheckCluster System => fixture.System;

    [Fact]
    public async Task High_episode_reaches_webhook_email_and_sms_signed_and_keyed()
    {
        var episode = Episode.New();

        await episode.ReportAsync(System.Grains, 0.92);

        var camera = episode.Camera.ToString();
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Webhook.AcceptedMentioning(episode.Id).Count > 0 && fixture.Smtp.Mentioning(camera, AlertClusterFixture.OpsMail).Count > 0),
            Bound, "webhook and e-mail of a HIGH episode");
        var request = fixture.Webhook.AcceptedMentioning(episode.Id)[0];
        Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes(request.Body), AlertClusterFixture.Secret, request.Signature));
        Assert.Matches(":webhook$", request.IdempotencyKey);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("4", body.RootElement.GetProperty("version").GetString());
        var alert = Assert.Single(body.RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Equal("high", alert.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal(camera, alert.GetProperty("labels").GetProperty("camera").GetString());

        var id = alert.GetProperty("fingerprint").GetString()!;
        // A receiver holds the message a moment before its channel's outcome is reported back to the alert router.
        await VibeCheckCluster.WaitUntilAsync(
            async () => await DeliveredAsync(id, "email") && await DeliveredAsync(id, Sms) && await DeliveredAsync(id, "webhook"),
            Bound, "the router to record the e-mail, SMS and webhook deliveries");
        var details = await System.GetJsonAsync<JsonElement>($"/alerts/{id}");
        Assert.Equal("high", details.GetProperty("alert").GetProperty("tier").GetString());
        Assert.Equal("firing", details.GetProperty("alert").GetProperty("status").GetString());
        var channels = details.GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("outcome").GetString() == "success").Select(d => d.GetProperty("channel").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["email", Sms, "webhook"], channels);
        var text = Assert.Single(fixture.Twilio.Accepted, m => m.Body.Contains(id, StringComparison.Ordinal));
        Assert.Equal(AlertClusterFixture.OpsPhone, text.To);
        Assert.Equal($"VibeCheck HIGH: bike_lane_blocked at Test Ave @ {camera[..4]} St, conf 0.92 https://vibecheck.example/alerts/{id}", text.Body);
    }

    [Fact]
    public async Task Medium_episode_reaches_webhook_only()
    {
        var episode = Episode.New();

        await episode.ReportAsync(System.Grains, 0.7);

        var id = await AlertIdAsync(episode);
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(id, "webhook"), Bound, "webhook delivery of a MEDIUM episode");
        var details = await System.GetJsonAsync<JsonElement>($"/alerts/{id}");
        Assert.Equal("medium", details.GetProperty("alert").GetProperty("tier").GetString());
        Assert.Empty(details.GetProperty("pending").EnumerateArray());
        Assert.All(details.GetProperty("deliveries").EnumerateArray(), d => Assert.Equal("webhook", d.GetProperty("channel").GetString()));
        Assert.Empty(fixture.Smtp.Mentioning(episode.Camera.ToString()));
        Assert.Single(fixture.Webhook.AcceptedMentioning(episode.Id));
    }

    [Fact]
    public async Task Low_episode_is_recorded_but_never_sent()
    {
        var low = Episode.New();
        var medium = Episode.New();

        await low.ReportAsync(System.Grains, 0.3, count: 5);
        await medium.ReportAsync(System.Grains, 0.7);

        // The LOW episode never reached the router; the MEDIUM one sent after it proves the pipeline ran.
        var lowAlerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={low.Camera}");
        Assert.Equal(0, lowAlerts.GetProperty("count").GetInt32());
        var id = await AlertIdAsync(medium);
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(id, "webhook"), Bound, "the MEDIUM episode sent after the LOW one");
        Assert.Empty(fixture.Webhook.Mentioning(low.Id));
        Assert.Empty(fixture.Smtp.Mentioning(low.Camera.ToString()));
    }

    [Fact]
    public async Task One_weak_frame_does_not_lower_the_tier_and_repeats_are_applied_once()
    {
        var episode = Episode.New();
        var grain = System.Grains.GetGrain<IViolationGrain>(episode.Id);
        var reports = new[] { episode.Next(0.9), episode.Next(0.9), episode.Next(0.9), episode.Next(0.1) };
        foreach (var report in reports)
        {
            await grain.Report(report);
            await grain.Report(report);
        }

        var id = await AlertIdAsync(episode);
        var alerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        Assert.Equal("high", Assert.Single(alerts.GetProperty("alerts").EnumerateArray()).GetProperty("tier").GetString());
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(id, "webhook"), Bound, "HIGH delivery");
        Assert.Single(fixture.Webhook.AcceptedMentioning(episode.Id));
    }

    [Fact]
    public async Task Resolved_episode_sends_a_resolved_notification()
    {
        var episode = Episode.New();
        await episode.ReportAsync(System.Grains, 0.7);
        var id = await AlertIdAsync(episode);
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(id, "webhook"), Bound, "firing notification");

        await System.Grains.GetGrain<IViolationGrain>(episode.Id).Report(episode.Next(0.7, resolved: true));

        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Webhook.AcceptedMentioning(episode.Id).Any(r => r.Body.Contains("\"status\":\"resolved\"", StringComparison.Ordinal))),
            Bound, "resolved notification");
        var resolved = await System.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}&status=resolved");
        Assert.Equal(1, resolved.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Test_alert_reaches_the_channels_of_its_tier()
    {
        var high = await System.Http.PostAsJsonAsync("/alerts/test", new { tier = "HIGH" });
        var medium = await System.Http.PostAsJsonAsync("/alerts/test", new { tier = "medium" });

        Assert.Equal(HttpStatusCode.Accepted, high.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, medium.StatusCode);
        var highReceipt = await high.Content.ReadFromJsonAsync<JsonElement>();
        var mediumReceipt = await medium.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["webhook", "email", Sms], highReceipt.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToList());
        Assert.Equal(["webhook"], mediumReceipt.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToList());
        var highId = highReceipt.GetProperty("alertId").GetString()!;
        var mediumId = mediumReceipt.GetProperty("alertId").GetString()!;
        await VibeCheckCluster.WaitUntilAsync(
            async () => await DeliveredAsync(highId, "webhook") && await DeliveredAsync(highId, "email") && await DeliveredAsync(highId, Sms)
                && await DeliveredAsync(mediumId, "webhook"),
            Bound, "test alerts delivered");
        Assert.Single(fixture.Webhook.AcceptedMentioning(highId));
        Assert.Single(fixture.Webhook.AcceptedMentioning(mediumId));
        Assert.Contains(fixture.Smtp.Messages, m => (m.Subject ?? "").Contains("TestAlert", StringComparison.Ordinal) || (m.TextBody ?? "").Contains("Test alert (high)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledged_high_alert_does_not_escalate_while_an_unacknowledged_one_does()
    {
        var acked = Episode.New();
        var ignored = Episode.New();
        await acked.ReportAsync(System.Grains, 0.95);
        await ignored.ReportAsync(System.Grains, 0.95);
        var ackedId = await AlertIdAsync(acked);
        var ignoredId = await AlertIdAsync(ignored);
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(ackedId, "email"), Bound, "first e-mail of the HIGH alert");

        var ack = await System.Http.PostAsJsonAsync($"/alerts/{ackedId}/ack", new { by = "operator-7" });

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("operator-7", (await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString());
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Smtp.Mentioning(ignored.Camera.ToString(), AlertClusterFixture.EscalationMail).Count > 0),
            Bound, "escalation e-mail of the unacknowledged alert");
        Assert.Empty(fixture.Smtp.Mentioning(acked.Camera.ToString(), AlertClusterFixture.EscalationMail));
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Twilio.Accepted.Any(m => m.Body.StartsWith("VibeCheck ESCALATED HIGH", StringComparison.Ordinal) && m.Body.Contains(ignoredId, StringComparison.Ordinal))),
            Bound, "escalation SMS of the unacknowledged alert");
        Assert.DoesNotContain(fixture.Twilio.Accepted, m => m.Body.StartsWith("VibeCheck ESCALATED", StringComparison.Ordinal) && m.Body.Contains(ackedId, StringComparison.Ordinal));
        var ackedNow = await System.GetJsonAsync<JsonElement>($"/alerts/{ackedId}");
        Assert.Equal(JsonValueKind.Null, ackedNow.GetProperty("alert").GetProperty("escalatedAt").ValueKind);
        var ignoredNow = await System.GetJsonAsync<JsonElement>($"/alerts/{ignoredId}");
        Assert.NotEqual(JsonValueKind.Null, ignoredNow.GetProperty("alert").GetProperty("escalatedAt").ValueKind);
    }

    [Fact]
    public async Task Silence_mutes_its_camera_until_it_is_deleted()
    {
        var silenced = Episode.New();
        var other = Episode.New();
        var create = await System.Http.PostAsJsonAsync("/silences", new
        {
            matchers = new[] { new { name = "camera", value = silenced.Camera.ToString(), @operator = "=" } },
            duration = "01:00:00",
            comment = "roadworks",
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var silenceId = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await silenced.ReportAsync(System.Grains, 0.95);
        await other.ReportAsync(System.Grains, 0.95);

        var otherId = await AlertIdAsync(other);
        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(otherId, "webhook"), Bound, "the unsilenced alert");
        Assert.Empty(fixture.Webhook.Mentioning(silenced.Id));
        var silencedId = await AlertIdAsync(silenced);
        var muted = await System.GetJsonAsync<JsonElement>($"/alerts/{silencedId}");
        Assert.Equal($"silenced by {silenceId}", muted.GetProperty("alert").GetProperty("mutedBecause").GetString());
        var listed = await System.GetJsonAsync<JsonElement>("/silences");
        Assert.Contains(listed.GetProperty("silences").EnumerateArray(), s => s.GetProperty("id").GetString() == silenceId && s.GetProperty("state").GetString() == "active");

        Assert.Equal(HttpStatusCode.NoContent, (await System.Http.DeleteAsync($"/silences/{silenceId}")).StatusCode);

        await VibeCheckCluster.WaitUntilAsync(async () => await DeliveredAsync(silencedId, "webhook"), Bound, "the alert once its silence ended");
    }

    private async Task<string> AlertIdAsync(Episode episode)
    {
        var alerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        return alerts.GetProperty("alerts").EnumerateArray()
            .Single(a => a.GetProperty("labels").GetProperty("episode").GetString() == episode.Id)
            .GetProperty("id").GetString()!;
    }

    private async Task<bool> DeliveredAsync(string alertId, string channel)
    {
        var details = await System.GetJsonAsync<JsonElement>($"/alerts/{alertId}");
        return details.GetProperty("deliveries").EnumerateArray()
            .Any(d => d.GetProperty("channel").GetString() == channel && d.GetProperty("outcome").GetString() == "success");
    }
}
