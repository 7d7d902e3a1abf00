using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCheck.Grains.Processing.PubSub;
using VibeCheck.TestSupport.PubSub;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>The Pub/Sub REST client against the loopback stand-in: real tokens, Google's errors, deadlines and their extension.</summary>
public sealed class PubSubClientTests : IAsyncLifetime
{
    private const string Topic = "requests";
    private const string Subscription = "requests-sub";
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "pubsub-client-" + Guid.NewGuid().ToString("N")[..8]);
    private PubSubStandIn _pubSub = null!;

    public async Task InitializeAsync()
    {
        _pubSub = await PubSubStandIn.StartAsync();
        _pubSub.PullWait = TimeSpan.FromMilliseconds(100);
        _pubSub.CreateTopic(Topic);
        // The lease test extends this deadline every half of it: 3 s leaves room for a loaded machine.
        _pubSub.CreateSubscription(Subscription, Topic, TimeSpan.FromSeconds(3));
    }

    public async Task DisposeAsync()
    {
        await _pubSub.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task Published_messages_are_pulled_with_their_data_and_attributes_and_gone_once_acked()
    {
        var client = Client();

        var ids = await client.PublishAsync(Topic, [new PubSubMessage(Encoding.UTF8.GetBytes("{\"a\": 1}"), new Dictionary<string, string> { ["k"] = "v" })], default);
        var pulled = Assert.Single(await client.PullAsync(Subscription, 10, default));
        await client.AcknowledgeAsync(Subscription, [pulled.AckId], default);

        Assert.Equal(Assert.Single(ids), pulled.Message.MessageId);
        Assert.Equal("{\"a\": 1}", Encoding.UTF8.GetString(pulled.Message.Data!));
        Assert.Equal("v", pulled.Message.Attributes!["k"]);
        Assert.Equal(1, pulled.DeliveryAttempt);
        Assert.Empty(_pubSub.Subscription(Subscription).Pending);
        Assert.Equal(1, _pubSub.TokensIssued);
    }

    [Fact]
    public async Task A_missing_topic_fails_with_google_s_status_without_retries()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<PubSubApiException>(() => client.PublishAsync("no-such-topic", [new PubSubMessage([1])], default));

        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (error.StatusCode, error.Status));
        Assert.Contains("no-such-topic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unavailable_and_rate_limited_answers_are_retried_until_the_attempts_run_out()
    {
        var client = Client(maxAttempts: 3);
        _pubSub.FailNext(2, 429);
        await client.PublishAsync(Topic, [new PubSubMessage([1])], default);
        Assert.Equal(2, _pubSub.FaultsServed);

        _pubSub.FailNext(3, 503);
        var error = await Assert.ThrowsAsync<PubSubApiException>(() => client.PublishAsync(Topic, [new PubSubMessage([2])], default));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "UNAVAILABLE"), (error.StatusCode, error.Status));
        Assert.Single(_pubSub.Subscription(Subscription).Pending);
    }

    [Fact]
    public async Task A_token_for_another_key_is_refused()
    {
        await using var other = await PubSubStandIn.StartAsync();
        // A key file whose token_uri is this stand-in but whose key it has never seen.
        var path = Path.Combine(_keyDirectory, "other.json");
        Directory.CreateDirectory(_keyDirectory);
        await File.WriteAllTextAsync(path, other.Account.Json(PubSubStandIn.Project, _pubSub.BaseUrl + "/token"));
        var client = Client(credentialsPath: path);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.PullAsync(Subscription, 1, default));

        Assert.Contains("invalid JWT signature", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _pubSub.TokensIssued);
    }

    [Fact]
    public async Task An_unacked_message_is_redelivered_after_its_deadline_unless_a_lease_extends_it()
    {
        var client = Client();
        await client.PublishAsync(Topic, [new PubSubMessage([1])], default);
        var first = Assert.Single(await client.PullAsync(Subscription, 1, default));

        // A 3 s deadline, renewed every 1.5 s: a shared, loaded CI machine delayed renewals of a 1 s one past their deadline.
        await using (var lease = AckDeadlineLease.Start(client, Subscription, first.AckId, TimeSpan.FromSeconds(3), TimeProvider.System, NullLogger.Instance, default))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.Empty(await client.PullAsync(Subscription, 1, default));
            Assert.True(lease.Extensions >= 2, $"{lease.Extensions} extensions");
        }

        // Lease over: the deadline passes and Pub/Sub delivers it again, counting the delivery.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var again = Assert.Single(await client.PullAsync(Subscription, 1, default));
        Assert.Equal((first.Message.MessageId, 2), (again.Message.MessageId, again.DeliveryAttempt));
        await client.ModifyAckDeadlineAsync(Subscription, [again.AckId], TimeSpan.Zero, default);
        Assert.Equal(3, Assert.Single(await client.PullAsync(Subscription, 1, default)).DeliveryAttempt);
    }

    private PubSubClient Client(int maxAttempts = 5, string? credentialsPath = null) => new(
        new HttpClient(),
        new PubSubProcessingOptions
        {
            Project = PubSubStandIn.Project,
            BaseUrl = _pubSub.BaseUrl,
            CredentialsPath = credentialsPath ?? _pubSub.WriteKeyFile(_keyDirectory),
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        },
        TimeProvider.System,
        NullLogger<PubSubClient>.Instance);
}
