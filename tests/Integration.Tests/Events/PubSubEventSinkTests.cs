using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.TestSupport.PubSub;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>Events out with <c>Events:Backend</c> = <c>pubsub</c>: CloudEvents in Pub/Sub's binary mode on the loopback stand-in.</summary>
public sealed class PubSubEventSinkTests : IAsyncLifetime
{
    private const string Topic = "vibe-check-events";
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "pubsub-events-" + Guid.NewGuid().ToString("N")[..8]);
    private PubSubStandIn _pubSub = null!;
    private ServiceProvider _services = null!;

    private StandInSubscription Consumer => _pubSub.Subscription("events-consumer");

    public async Task InitializeAsync()
    {
        _pubSub = await PubSubStandIn.StartAsync();
        _pubSub.CreateTopic(Topic);
        _pubSub.CreateSubscription("events-consumer", Topic, TimeSpan.FromSeconds(60));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Events:Backend"] = "pubsub",
            ["Events:PubSub:Project"] = PubSubStandIn.Project,
            ["Events:PubSub:Topic"] = Topic,
            ["Events:PubSub:BaseUrl"] = _pubSub.BaseUrl,
            ["Events:PubSub:CredentialsPath"] = _pubSub.WriteKeyFile(_keyDirectory),
            ["Events:PubSub:RetryBaseDelay"] = "00:00:00.010",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddVibeCheckEvents(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _pubSub.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task Each_event_is_a_message_with_its_json_data_and_ce_attributes_in_order()
    {
        var sink = _services.GetRequiredService<IEventSink>();
        var time = new DateTimeOffset(2026, 12, 5, 20, 1, 2, 345, TimeSpan.Zero);
        var camera = Guid.NewGuid();

        await sink.PublishAsync(
        [
            CloudEventMapping.ToCloudEvent(new PendingEvent("ep-1/opened", "org.vibecheck.violation.opened", $"/cameras/{camera}", "ep-1", time, "{\"tier\": 1}")),
            CloudEventMapping.ToCloudEvent(new PendingEvent("ep-1/resolved", "org.vibecheck.violation.resolved", $"/cameras/{camera}", "ep-1", time.AddSeconds(1), "{\"tier\": 2}")),
        ], default);

        Assert.IsType<PubSubEventSink>(sink);
        var messages = Consumer.Pending;
        Assert.Equal(["ep-1/opened", "ep-1/resolved"], messages.Select(m => m.Attributes["ce-id"]));
        var first = messages[0];
        Assert.Equal("org.vibecheck.violation.opened", first.Attributes["ce-type"]);
        Assert.Equal($"/cameras/{camera}", first.Attributes["ce-source"]);
        Assert.Equal("1.0", first.Attributes["ce-specversion"]);
        Assert.Equal("2026-12-05T20:01:02.3450000Z", first.Attributes["ce-time"]);
        Assert.Equal("ep-1", first.Attributes["ce-subject"]);
        Assert.Equal("application/json", first.Attributes["content-type"]);
        Assert.Equal(1, JsonDocument.Parse(first.Text).RootElement.GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task Unavailable_answers_are_retried_and_a_missing_topic_fails_so_the_outbox_keeps_the_events()
    {
        var sink = _services.GetRequiredService<IEventSink>();
        var pending = new PendingEvent("cam/health/1", "org.vibecheck.camera.health_changed", "/cameras/x", "health", DateTimeOffset.UtcNow, "{}");
        _pubSub.FailNext(2, 503);

        await sink.PublishAsync([CloudEventMapping.ToCloudEvent(pending)], default);

        Assert.Equal(2, _pubSub.FaultsServed);
        Assert.Equal("cam/health/1", Assert.Single(Consumer.Pending).Attributes["ce-id"]);
        await using var other = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddVibeCheckEvents(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Events:Backend"] = "pubsub",
                ["Events:PubSub:Project"] = PubSubStandIn.Project,
                ["Events:PubSub:Topic"] = "no-such-topic",
                ["Events:PubSub:BaseUrl"] = _pubSub.BaseUrl,
                ["Events:PubSub:CredentialsPath"] = Path.Combine(_keyDirectory, "service-account.json"),
            }).Build()).BuildServiceProvider();
        var error = await Assert.ThrowsAsync<VibeCheck.Grains.Processing.PubSub.PubSubApiException>(
            () => other.GetRequiredService<IEventSink>().PublishAsync([CloudEventMapping.ToCloudEvent(pending)], default));
        Assert.Equal("NOT_FOUND", error.Status);
    }
}
