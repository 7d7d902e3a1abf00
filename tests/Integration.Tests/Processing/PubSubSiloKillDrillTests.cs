using System.Diagnostics;
using VibeCheck.TestSupport.PubSub;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// The drill of issue 14 on Pub/Sub: a silo of two killed (no graceful leave) while both silos hold pulled messages
/// not yet acked, on the loopback stand-in, which redelivers a message once its ack deadline passes unextended. Every
/// request must end acked and done at least once (its done mark, its camera's count of requests done), none
/// dead-lettered; requests done more than once are counted. Own system, since it kills a silo.
/// </summary>
public sealed class PubSubSiloKillDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Topic = "vibe-check-processing";
    private const string DeadTopic = "vibe-check-processing-dead";
    private const int MaxMessages = 10;
    private const int AckedBeforeKill = 10;

    /// <summary>Stated bound from the kill to every message acked: failure detection plus a few ack deadlines, with slack.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _subscription = "vibe-check-processing-sub-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "vibecheck-tests", "pubsub-drill-" + Guid.NewGuid().ToString("N")[..8]);
    private PubSubStandIn _pubSub = null!;

    public async Task InitializeAsync()
    {
        _pubSub = await PubSubStandIn.StartAsync();
        _pubSub.CreateTopic(Topic);
        _pubSub.CreateTopic(DeadTopic);
        // A short deadline, so what the dead silo held comes back within the drill.
        _pubSub.CreateSubscription(_subscription, Topic, TimeSpan.FromSeconds(3));
        _pubSub.CreateSubscription(DeadTopic + "-sub", DeadTopic, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await _pubSub.DisposeAsync();
        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task A_silo_killed_with_messages_pulled_and_unacked_leaves_every_request_done_at_least_once_and_none_dead()
    {
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: ProcessingDrill.CameraCount,
            silos: 2,
            settings: ProcessingDrill.Settings(new Dictionary<string, string?>
            {
                ["Processing:Backend"] = "pubsub",
                ["Processing:PubSub:Project"] = PubSubStandIn.Project,
                ["Processing:PubSub:Subscription"] = _subscription,
                ["Processing:PubSub:DeadLetterTopic"] = DeadTopic,
                ["Processing:PubSub:BaseUrl"] = _pubSub.BaseUrl,
                ["Processing:PubSub:CredentialsPath"] = _pubSub.WriteKeyFile(_keyDirectory),
                ["Processing:PubSub:MaxMessages"] = MaxMessages.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Processing:PubSub:AckDeadline"] = "00:00:03",
                ["Processing:PubSub:RetryBaseDelay"] = "00:00:00.050",
            }),
            setUpReplay: ProcessingDrill.SetUpReplay);
        var subscription = _pubSub.Subscription(_subscription);
        var requests = ProcessingDrill.Requests(system.Cameras).Select(camera => _pubSub.Publish(Topic, $"{{\"cameraId\": \"{camera}\"}}")).ToList();

        // A silo holds at most MaxMessages, so more messages out than that means both silos hold some: the victim too.
        // Some acked first, so the kill lands mid-run rather than on the cameras' first requests.
        var silo = system.Cluster.Silos[Random.Shared.Next(system.Cluster.Silos.Count)];
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(subscription.Acked.Count >= AckedBeforeKill && Outstanding(subscription) > MaxMessages + 2),
            Bound, $"{AckedBeforeKill} messages acked and more than {MaxMessages + 2} pulled and not acked");
        await system.Cluster.KillSiloAsync(silo);
        var killed = Stopwatch.StartNew();
        output.WriteLine($"killed {silo.SiloAddress} with {Outstanding(subscription)} messages pulled and not acked, {subscription.Acked.Count} of {requests.Count} acked");

        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(subscription.Pending.Count == 0), DrainBound, "every message acked after the kill",
            describe: () => Task.FromResult($"{subscription.Pending.Count} not acked, {Outstanding(subscription)} out"));
        var drained = killed.Elapsed;

        var doneByCamera = ProcessingDrill.DoneByCamera(system.Replay, system.Cameras);
        var notMarked = new List<string>();
        foreach (var id in requests)
        {
            if (!await system.Redis.KeyExistsAsync($"pubsub:{_subscription}:done:{id}"))
            {
                notMarked.Add(id);
            }
        }

        var acked = subscription.Acked;
        var redelivered = acked.Count(m => m.Deliveries > 1);
        var duplicates = doneByCamera.Values.Sum() - requests.Count;
        var dead = _pubSub.Subscription(DeadTopic + "-sub").Pending;
        output.WriteLine($"drained {drained.TotalSeconds:F1} s after the kill (bound {DrainBound.TotalSeconds:F0} s)");
        output.WriteLine($"requests {requests.Count}, delivered more than once {redelivered}, done by the cameras {doneByCamera.Values.Sum()}, duplicates (done more than once) {duplicates}");
        output.WriteLine($"per camera: {string.Join(", ", doneByCamera.Values)} (each was asked {ProcessingDrill.RequestsPerCamera} times)");
        output.WriteLine($"dead letters {dead.Count}, requests without a done mark {notMarked.Count}");

        Assert.Equal(requests.Order(), acked.Select(m => m.Id).Order());
        Assert.True(redelivered > 0, "what the killed silo held was redelivered");
        Assert.Empty(notMarked);
        Assert.All(doneByCamera.Values, done => Assert.True(done >= ProcessingDrill.RequestsPerCamera, $"a camera did {done} of its {ProcessingDrill.RequestsPerCamera} requests"));
        Assert.Empty(dead);
    }

    /// <summary>Messages delivered whose ack deadline has not passed: held by a consumer.</summary>
    private static int Outstanding(StandInSubscription subscription) =>
        subscription.Pending.Count(m => m.Deadline is { } deadline && deadline > DateTimeOffset.UtcNow);
}
