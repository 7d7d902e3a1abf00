using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

/// <summary>The path a silo takes: configuration → AddVibeCheckAlerting → planner, outbox, worker → receivers.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task Configured_pipeline_delivers_high_to_webhook_and_email_and_medium_to_webhook_only()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:AllowPrivateNetworkTargets"] = "true",
            ["Alerts:ExternalUrl"] = "https://vibecheck.example",
            ["Alerts:Webhook:Url"] = receiver.BaseUrl + "/alertmanager",
            ["Alerts:Webhook:Secret"] = "pipeline-secret-0123",
            ["Alerts:Email:Host"] = "127.0.0.1",
            ["Alerts:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Email:From"] = "vibecheck@example.com",
            ["Alerts:Email:To:0"] = "ops@example.com",
            ["Alerts:Email:UseStartTls"] = "false",
        }).Build();
        var clock = new FakeTimeProvider(Make.T0);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddVibeCheckAlerting(config);
        await using var provider = services.BuildServiceProvider();
        var planner = provider.GetRequiredService<NotificationPlanner>();
        var worker = provider.GetRequiredService<DeliveryWorker>();

        var state = new AlertingState()
            .Upsert(Make.Violation("cam1", tier: AlertTier.High), Make.T0)
            .Upsert(Make.Violation("cam2", tier: AlertTier.Medium), Make.T0);
        clock.Advance(TimeSpan.FromSeconds(30));
        var plan = planner.Plan(state, clock.GetUtcNow());
        var outbox = new Outbox().Enqueue(plan.Notifications, clock.GetUtcNow());
        outbox = await worker.DeliverDueAsync(outbox, CancellationToken.None);

        Assert.Empty(outbox.Pending);
        Assert.Empty(outbox.DeadLetters);
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.All(receiver.Accepted, r =>
            Assert.True(WebhookSignature.Verify(r.Body, "pipeline-secret-0123", r.Headers[WebhookSignature.HeaderName])));
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("cam1", mail.Subject, StringComparison.Ordinal);
        var fingerprint = plan.State.Alerts.Single(a => a.Label("camera") == "cam1").Fingerprint;
        Assert.Equal(["email", "webhook"], outbox.HistoryOf(fingerprint).Select(h => h.Channel).Order());
    }
}
