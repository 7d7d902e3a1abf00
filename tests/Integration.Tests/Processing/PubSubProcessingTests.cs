using VibeCheck.ReplayServer;
using VibeCheck.TestSupport.PubSub;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// Processing requests from Pub/Sub (Processing:Backend = pubsub), on a two-silo cluster pulling from a loopback
/// stand-in of the Pub/Sub REST API that issues tokens for a real signed service-account JWT: done once and acked,
/// malformed ones and unknown cameras dead-lettered at once, failing ones redelivered then dead-lettered with the
/// reason, one lost with a dead consumer redelivered and done, and 5xx answers retried.
/// </summary>
public sealed class PubSubProcessingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Topic = "vibe-check-processing";
    private const string DeadTopic = "vibe-check-processing-dead";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _subscription = "vibe-check-processing-sub-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "pubsub-" + Guid.NewGuid().ToString("N")[..8]);
    private PubSubStandIn _pubSub = null!;
    private VibeCheckCluster _system = null!;

    private StandInSubscription Requests => _pubSub.Subscription(_subscription);

    private StandInSubscription DeadLetters => _pubSub.Subscription(DeadTopic + "-sub");

    public async Task InitializeAsync()
    {
        _pubSub = await PubSubStandIn.StartAsync();
        _pubSub.CreateTopic(Topic);
        _pubSub.CreateTopic(DeadTopic);
        // A short deadline so a message lost with its consumer comes back within the test.
        _pubSub.CreateSubscription(_subscription, Topic, TimeSpan.FromSeconds(2));
        _pubSub.CreateSubscription(DeadTopic + "-sub", DeadTopic, TimeSpan.FromSeconds(60));
        _system = await VibeCheckCluster.StartAsync(cameraCount: 3, settings: new Dictionary<string, string?>
        {
            ["Processing:Backend"] = "pubsub",
            ["Processing:PubSub:Project"] = PubSubStandIn.Project,
            ["Processing:PubSub:Subscription"] = _subscription,
            ["Processing:PubSub:DeadLetterTopic"] = DeadTopic,
            ["Processing:PubSub:BaseUrl"] = _pubSub.BaseUrl,
            ["Processing:PubSub:CredentialsPath"] = _pubSub.WriteKeyFile(_keyDirectory),
            ["Processing:PubSub:MaxDeliveries"] = "2",
            ["Processing:PubSub:AckDeadline"] = "00:00:02",
            ["Processing:PubSub:RetryBaseDelay"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _pubSub.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task A_request_is_done_by_one_silo_then_acked()
    {
        var camera = _system.Cameras[0];
        var fetches = _system.Replay.ImageRequestsOf(camera);

        var id = _pubSub.Publish(Topic, $"{{\"cameraId\": \"{camera}\"}}");

        await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(Requests.Acked.Count == 1), Bound, "the request to be done and acked");
        Assert.True(_system.Replay.ImageRequestsOf(camera) > fetches, "the camera fetched its image");
        var acked = Assert.Single(Requests.Acked);
        Assert.Equal((id, 1), (acked.Id, acked.Deliveries));
        Assert.Empty(Requests.Pending);
        Assert.Empty(DeadLetters.Pending);
        Assert.True(await _system.Redis.KeyExistsAsync($"pubsub:{_subscription}:done:{id}"), "the done request is remembered against redelivery");
        Assert.True(_pubSub.TokensIssued >= 1, "the silos exchanged a signed JWT for a token");
    }

    [Fact]
    public async Task Malformed_requests_and_unknown_cameras_are_dead_lettered_at_once_with_the_reason()
    {
        var unknown = Guid.NewGuid();
        var notJson = _pubSub.Publish(Topic, "not json");
        var noData = _pubSub.Publish(Topic, "", new Dictionary<string, string> { ["camera"] = "no data" });
        var unknownCamera = _pubSub.Publish(Topic, $"{{\"cameraId\": \"{unknown}\"}}");

        var dead = await DeadLettersAsync(3);

        Assert.Contains("not JSON", dead[notJson].Attributes["reason"], StringComparison.Ordinal);
        Assert.Equal("not json", dead[notJson].Text);
        Assert.Contains("no data", dead[noData].Attributes["reason"], StringComparison.Ordinal);
        Assert.Equal("no data", dead[noData].Attributes["camera"]);
        Assert.Contains($"camera {unknown} is not in the registry", dead[unknownCamera].Attributes["reason"], StringComparison.Ordinal);
        Assert.All(dead.Values, d => Assert.Equal("1", d.Attributes["deliveries"]));
        Assert.All(dead.Values, d => Assert.Equal(_subscription, d.Attributes["subscription"]));
        await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(Requests.Pending.Count == 0), Bound, "the dead-lettered requests to be acked");
        Assert.All(Requests.Acked, m => Assert.Equal(1, m.Deliveries));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_request_that_keeps_failing_is_dead_lettered_after_its_deliveries_with_the_error(bool subscriptionCountsDeliveries)
    {
        Requests.CountsDeliveries = subscriptionCountsDeliveries;
        var camera = _system.Cameras[1];
        _system.Replay.SetFault(camera, CameraFault.ServerError);
        try
        {
            var started = DateTime.UtcNow;
            var id = _pubSub.Publish(Topic, $"{{\"cameraId\": \"{camera}\"}}");

            var dead = (await DeadLettersAsync(1))[id];
            output.WriteLine($"dead-lettered after {(DateTime.UtcNow - started).TotalSeconds:F1} s: {dead.Attributes["reason"]}");

            Assert.StartsWith("gave up after 2 deliveries: camera image unavailable", dead.Attributes["reason"], StringComparison.Ordinal);
            Assert.Equal("2", dead.Attributes["deliveries"]);
            Assert.Equal($"{{\"cameraId\": \"{camera}\"}}", dead.Text);
            await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(Requests.Pending.Count == 0), Bound, "the request to be acked once dead-lettered");
            Assert.Equal(2, Assert.Single(Requests.Acked).Deliveries);
            Assert.True(_pubSub.Calls("modifyAckDeadline") >= 1, "the failed first delivery was nacked");
        }
        finally
        {
            _system.Replay.SetFault(camera, CameraFault.None);
        }
    }

    [Fact]
    public async Task A_request_whose_consumer_died_unacked_is_redelivered_and_done()
    {
        var camera = _system.Cameras[2];
        var fetches = _system.Replay.ImageRequestsOf(camera);

        var id = _pubSub.PublishTakenByLostConsumer(Topic, $"{{\"cameraId\": \"{camera}\"}}");

        await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(Requests.Acked.Count == 1), Bound, "the request to be redelivered and done");
        Assert.True(_system.Replay.ImageRequestsOf(camera) > fetches, "the camera fetched its image");
        var acked = Assert.Single(Requests.Acked);
        Assert.Equal((id, 2), (acked.Id, acked.Deliveries));
        Assert.Empty(DeadLetters.Pending);
    }

    [Fact]
    public async Task Unavailable_answers_from_pub_sub_are_retried()
    {
        var camera = _system.Cameras[0];
        _pubSub.FailNext(3, 503);

        var id = _pubSub.Publish(Topic, $"{{\"cameraId\": \"{camera}\"}}");

        await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(Requests.Acked.Count == 1), Bound, "the request to be done despite the 503s");
        Assert.Equal(3, _pubSub.FaultsServed);
        Assert.Equal(id, Assert.Single(Requests.Acked).Id);
        Assert.Empty(DeadLetters.Pending);
    }

    /// <summary>The dead letters, keyed by the id of the request they carry.</summary>
    private async Task<IReadOnlyDictionary<string, StandInMessage>> DeadLettersAsync(int count)
    {
        await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(DeadLetters.Pending.Count >= count), Bound, $"{count} dead letters");
        return DeadLetters.Pending.ToDictionary(m => m.Attributes["originalMessageId"]);
    }
}
