using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces.Events;
using VibeCheck.Grains.Processing.PubSub;
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
        Assert.All(messages, m => Assert.Equal(camera.ToString(), m.OrderingKey));
        Assert.Equal(1, JsonDocument.Parse(first.Text).RootElement.GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task Each_camera_is_an_ordering_key_published_a_key_per_request_and_an_ordered_subscription_delivers_each_key_in_order()
    {
        _pubSub.CreateSubscription("ordered-consumer", Topic, TimeSpan.FromSeconds(60), enableMessageOrdering: true);
        var sink = _services.GetRequiredService<IEventSink>();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var time = DateTimeOffset.UtcNow;
        var publishes = _pubSub.Calls("publish");

        // As the alert router's outbox can hold them: cameras interleaved, and an alert about the whole system.
        await sink.PublishAsync(
        [
            Event("a/opened", a), Event("b/opened", b), Event("a/updated", a), Event("system/firing", null), Event("b/resolved", b), Event("a/resolved", a),
        ], default);

        Assert.Equal(6, _pubSub.Calls("publish") - publishes);
        var keys = _pubSub.Subscription("ordered-consumer").Pending.ToDictionary(m => m.Attributes["ce-id"], m => m.OrderingKey);
        Assert.Equal(a.ToString(), keys["a/opened"]);
        Assert.Equal(b.ToString(), keys["b/resolved"]);
        Assert.Equal("alerts", keys["system/firing"]);

        using var http = new HttpClient();
        var client = new PubSubClient(http, _services.GetRequiredService<IOptions<EventsOptions>>().Value.PubSub, TimeProvider.System, NullLogger<PubSubClient>.Instance);
        var firstTwo = await client.PullAsync("ordered-consumer", 2, default);
        Assert.Equal(["a/opened", "b/opened"], firstTwo.Select(IdOf));
        Assert.Equal(a.ToString(), firstTwo[0].Message.OrderingKey);
        // Each camera's next event waits until its first is acked; the system's own key is not held back by them.
        Assert.Equal(["system/firing"], (await client.PullAsync("ordered-consumer", 10, default)).Select(IdOf));
        await client.AcknowledgeAsync("ordered-consumer", [firstTwo[0].AckId], default);
        Assert.Equal(["a/updated", "a/resolved"], (await client.PullAsync("ordered-consumer", 10, default)).Select(IdOf));

        CloudNative.CloudEvents.CloudEvent Event(string id, Guid? camera) => CloudEventMapping.ToCloudEvent(new PendingEvent(
            id, "org.vibecheck.violation.opened", camera is { } c ? $"/cameras/{c}" : "/alerts", id, time, "{}"));

        static string IdOf(PubSubReceivedMessage m) => m.Message.Attributes!["ce-id"];
    }

    [Fact]
    public async Task A_publish_request_mixing_ordering_keys_is_refused_as_by_pub_sub_and_with_ordering_keys_off_an_outbox_is_one_unordered_request()
    {
        var options = _services.GetRequiredService<IOptions<EventsOptions>>().Value.PubSub;
        using var http = new HttpClient();
        var client = new PubSubClient(http, options, TimeProvider.System, NullLogger<PubSubClient>.Instance);
        var refused = await Assert.ThrowsAsync<PubSubApiException>(() => client.PublishAsync(
            Topic, [new PubSubMessage([1], OrderingKey: "a"), new PubSubMessage([2], OrderingKey: "b")], default));
        Assert.Equal("INVALID_ARGUMENT", refused.Status);

        await using var unordered = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddVibeCheckEvents(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Events:Backend"] = "pubsub",
                ["Events:PubSub:Project"] = PubSubStandIn.Project,
                ["Events:PubSub:Topic"] = Topic,
                ["Events:PubSub:BaseUrl"] = _pubSub.BaseUrl,
                ["Events:PubSub:CredentialsPath"] = options.CredentialsPath,
                ["Events:PubSub:OrderingKeys"] = "false",
            }).Build()).BuildServiceProvider();
        var publishes = _pubSub.Calls("publish");
        await unordered.GetRequiredService<IEventSink>().PublishAsync(
        [
            CloudEventMapping.ToCloudEvent(new PendingEvent("x/opened", "org.vibecheck.violation.opened", $"/cameras/{Guid.NewGuid()}", "x", DateTimeOffset.UtcNow, "{}")),
            CloudEventMapping.ToCloudEvent(new PendingEvent("y/opened", "org.vibecheck.violation.opened", $"/cameras/{Guid.NewGuid()}", "y", DateTimeOffset.UtcNow, "{}")),
        ], default);

        Assert.Equal(1, _pubSub.Calls("publish") - publishes);
        Assert.All(Consumer.Pending, m => Assert.Null(m.OrderingKey));
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
