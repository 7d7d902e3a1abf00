using System.Diagnostics;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// The drill of issue 14 on the Redis stream: a silo of two killed (no graceful leave) mid-batch, while its consumer
/// holds processing requests read and not acknowledged. Every request must end done at least once (its done mark in
/// the ledger, and its camera's count of requests done), none in the dead-letter stream, the stream and its pending
/// list empty; requests done more than once are counted. Own system, since it kills a silo.
/// </summary>
public sealed class ProcessingSiloKillDrillTests(ITestOutputHelper output)
{
    private const string Group = "vibecheck";

    /// <summary>The victim is killed once its consumer holds at least this many requests un-acknowledged...</summary>
    private const int HeldAtKill = 6;

    /// <summary>... and at most this many of its batch of 16: it has done some of the batch, so the kill lands mid-batch.</summary>
    private const int MidBatch = 13;

    /// <summary>Stated bound from the kill to an empty pending list: failure detection plus a few claim periods, with slack.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silo_killed_with_requests_in_flight_leaves_every_request_done_at_least_once_and_none_dead()
    {
        var stream = "vibe-check-processing-drill-" + Guid.NewGuid().ToString("N")[..8];
        var deadStream = stream + "-dead";
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: ProcessingDrill.CameraCount,
            silos: 2,
            settings: ProcessingDrill.Settings(new Dictionary<string, string?>
            {
                ["Processing:Stream:StreamName"] = stream,
                ["Processing:Stream:DeadLetterStreamName"] = deadStream,
                ["Processing:Stream:ClaimIdleAfter"] = "00:00:02",
                ["Processing:Stream:PollInterval"] = "00:00:00.100",
            }),
            setUpReplay: ProcessingDrill.SetUpReplay);
        var redis = system.Redis;
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await redis.StreamGroupInfoAsync(stream)).Any(g => g.Name == Group), Bound, "the silos' consumer group");

        // Added in one pipeline, so each consumer's first read takes a whole batch.
        var cameraOfRequest = ProcessingDrill.Requests(system.Cameras);
        var ids = await Task.WhenAll(cameraOfRequest.Select(camera => redis.StreamAddAsync(stream, "data", $"{{\"cameraId\": \"{camera}\"}}")));
        var requests = ids.Select(id => id.ToString()).ToList();

        var silos = system.Cluster.Silos.ToDictionary(s => s.SiloAddress.ToParsableString());
        string? victim = null;
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                var pending = await redis.StreamPendingAsync(stream, Group);
                victim = pending.Consumers
                    .Where(c => c.PendingMessageCount is >= HeldAtKill and <= MidBatch && silos.ContainsKey(c.Name!))
                    .Select(c => c.Name.ToString()).FirstOrDefault();
                return victim is not null;
            },
            Bound, $"a silo's consumer mid-batch, holding {HeldAtKill} to {MidBatch} requests un-acknowledged");
        await system.Cluster.KillSiloAsync(silos[victim!]);
        var killed = Stopwatch.StartNew();
        var held = await redis.StreamPendingMessagesAsync(stream, Group, requests.Count, victim);
        output.WriteLine($"killed {victim} holding {held.Length} of {requests.Count} requests un-acknowledged; {await redis.StreamLengthAsync(stream)} not yet done");

        await VibeCheckCluster.WaitUntilAsync(
            async () => await redis.StreamLengthAsync(stream) == 0 && (await redis.StreamPendingAsync(stream, Group)).PendingMessageCount == 0,
            DrainBound, "every request done and acknowledged after the kill",
            describe: async () => $"{await redis.StreamLengthAsync(stream)} entries left, {(await redis.StreamPendingAsync(stream, Group)).PendingMessageCount} pending, {await redis.StreamLengthAsync(deadStream)} dead");
        var drained = killed.Elapsed;

        var doneByCamera = ProcessingDrill.DoneByCamera(system.Replay, system.Cameras);
        var notMarked = new List<string>();
        foreach (var id in requests)
        {
            if (!await redis.KeyExistsAsync($"{stream}:done:{id}"))
            {
                notMarked.Add(id);
            }
        }

        var duplicates = doneByCamera.Values.Sum() - requests.Count;
        output.WriteLine($"drained {drained.TotalSeconds:F1} s after the kill (bound {DrainBound.TotalSeconds:F0} s)");
        output.WriteLine($"requests {requests.Count}, done by the cameras {doneByCamera.Values.Sum()}, duplicates (done more than once) {duplicates}");
        output.WriteLine($"per camera: {string.Join(", ", doneByCamera.Values)} (each was asked {ProcessingDrill.RequestsPerCamera} times)");
        output.WriteLine($"dead letters {await redis.StreamLengthAsync(deadStream)}, requests without a done mark {notMarked.Count}");

        Assert.NotEmpty(held);
        Assert.Empty(notMarked);
        Assert.All(doneByCamera.Values, done => Assert.True(done >= ProcessingDrill.RequestsPerCamera, $"a camera did {done} of its {ProcessingDrill.RequestsPerCamera} requests"));
        Assert.Equal(0, await redis.StreamLengthAsync(deadStream));
        Assert.Equal(0, (await redis.StreamPendingAsync(stream, Group)).PendingMessageCount);
    }
}
