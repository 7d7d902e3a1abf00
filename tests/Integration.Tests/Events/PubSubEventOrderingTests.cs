using Microsoft.Extensions.Logging.Abstractions;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Grains.Processing.PubSub;
using VibeCheck.TestSupport.PubSub;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Events;

/// <summary>
/// Events out on Pub/Sub (<c>Events:Backend</c> = <c>pubsub</c>) from a two-silo cluster: two cameras' episodes,
/// reported interleaved, reach a consumer of a subscription with message ordering each under its camera's ordering
/// key and, per camera, in the order of the changes, the alerts' events included. Own system, since its events go to
/// Pub/Sub.
/// </summary>
public sealed class PubSubEventOrderingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Topic = "vibe-check-events";
    private const string Subscription = "events-ordered";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "pubsub-order-" + Guid.NewGuid().ToString("N")[..8]);
    private PubSubStandIn _pubSub = null!;
    private VibeCheckCluster _system = null!;

    public async Task InitializeAsync()
    {
        _pubSub = await PubSubStandIn.StartAsync();
        _pubSub.CreateTopic(Topic);
        _pubSub.CreateSubscription(Subscription, Topic, TimeSpan.FromSeconds(60), enableMessageOrdering: true);
        _system = await VibeCheckCluster.StartAsync(cameraCount: 1, settings: new Dictionary<string, string?>
        {
            ["Events:Backend"] = "pubsub",
            ["Events:PubSub:Project"] = PubSubStandIn.Project,
            ["Events:PubSub:Topic"] = Topic,
            ["Events:PubSub:BaseUrl"] = _pubSub.BaseUrl,
            ["Events:PubSub:CredentialsPath"] = _pubSub.WriteKeyFile(_keyDirectory),
            ["Events:PubSub:RetryBaseDelay"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _pubSub.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task Each_cameras_events_reach_an_ordered_subscription_under_its_key_in_the_order_of_the_changes()
    {
        var cameras = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var episodes = cameras.ToDictionary(c => c, c => $"{c:N}:bus_lane_blocked:lane:{Guid.NewGuid():N}");
        // LOW until three scores, then MEDIUM (the alert fires), then HIGH, then it ends (the alert resolves).
        double[] scores = [0.7, 0.7, 0.7, 0.95, 0.95, 0.95, 0.95];
        for (var n = 0; n < scores.Length; n++)
        {
            foreach (var camera in cameras)
            {
                await _system.Grains.GetGrain<IViolationGrain>(episodes[camera])
                    .Report(EpisodeReports.Of(episodes[camera], camera, "bus_lane_blocked", n, scores[n], resolved: n == scores.Length - 1));
            }
        }

        using var http = new HttpClient();
        var consumer = new PubSubClient(http, new PubSubEventTopicOptions
        {
            Project = PubSubStandIn.Project,
            BaseUrl = _pubSub.BaseUrl,
            CredentialsPath = Path.Combine(_keyDirectory, "service-account.json"),
        }, TimeProvider.System, NullLogger<PubSubClient>.Instance);
        var received = new List<PubSubReceivedMessage>();
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                var pulled = await consumer.PullAsync(Subscription, 100, default);
                received.AddRange(pulled);
                if (pulled.Count > 0)
                {
                    await consumer.AcknowledgeAsync(Subscription, [.. pulled.Select(m => m.AckId)], default);
                }

                return cameras.All(c => received.Count(m => m.Message.OrderingKey == c.ToString()) >= 6);
            },
            Bound, "six events of each camera", describe: () => Task.FromResult(string.Join("\n", received.Select(Describe))));

        foreach (var m in received)
        {
            output.WriteLine(Describe(m));
        }

        foreach (var camera in cameras)
        {
            var episode = episodes[camera];
            var mine = received.Where(m => m.Message.Attributes!["ce-source"] == $"/cameras/{camera}").ToList();
            Assert.All(mine, m => Assert.Equal(camera.ToString(), m.Message.OrderingKey));
            var ids = mine.Select(m => m.Message.Attributes!["ce-id"]).Distinct().Select(id => id.StartsWith(episode, StringComparison.Ordinal) ? id : id.Split('/')[^1]);
            Assert.Equal([$"{episode}/opened", $"{episode}/updated/medium", "firing", $"{episode}/updated/high", $"{episode}/resolved", "resolved"], ids);
        }
    }

    private static string Describe(PubSubReceivedMessage m) =>
        $"{m.Message.MessageId} key {m.Message.OrderingKey} {m.Message.Attributes!["ce-type"]} {m.Message.Attributes["ce-id"]}";
}
