using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.ReplayServer;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Processing;

/// <summary>
/// Processing requests from the Redis stream, on a two-silo cluster over real Redis: done once and removed,
/// malformed and unknown ones dead-lettered at once, failing ones retried then dead-lettered with the last error, and
/// one taken by a consumer that died done by a silo.
/// </summary>
public sealed class ProcessingStreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Group = "vibecheck";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _stream = "vibe-check-processing-test-" + Guid.NewGuid().ToString("N")[..8];
    private VibeCheckCluster _system = null!;

    private string DeadStream => _stream + "-dead";

    private IDatabase Redis => _system.Redis;

    public async Task InitializeAsync() => _system = await VibeCheckCluster.StartAsync(cameraCount: 3, settings: new Dictionary<string, string?>
    {
        ["Processing:Stream:StreamName"] = _stream,
        ["Processing:Stream:DeadLetterStreamName"] = DeadStream,
        ["Processing:Stream:MaxDeliveries"] = "2",
        ["Processing:Stream:ClaimIdleAfter"] = "00:00:01",
        ["Processing:Stream:PollInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync()
    {
        await Redis.KeyDeleteAsync([_stream, DeadStream, _stream + ":errors"]);
        await _system.DisposeAsync();
    }

    [Fact]
    public async Task A_request_is_done_by_one_silo_then_acknowledged_and_removed()
    {
        var camera = _system.Cameras[0];
        var fetches = _system.Replay.ImageRequestsOf(camera);

        var id = await Redis.StreamAddAsync(_stream, "data", $"{{\"cameraId\": \"{camera}\"}}");

        await VibeCheckCluster.WaitUntilAsync(async () => await Redis.StreamLengthAsync(_stream) == 0, Bound, "the request to be done and removed");
        Assert.True(_system.Replay.ImageRequestsOf(camera) > fetches, "the camera fetched its image");
        Assert.Equal(0, (await Redis.StreamPendingAsync(_stream, Group)).PendingMessageCount);
        Assert.True(await Redis.KeyExistsAsync($"{_stream}:done:{id}"), "the done request is remembered against redelivery");
        Assert.Equal(0, await Redis.StreamLengthAsync(DeadStream));
    }

    [Fact]
    public async Task Malformed_requests_and_unknown_cameras_are_dead_lettered_at_once_with_the_reason()
    {
        var unknown = Guid.NewGuid();
        await Redis.StreamAddAsync(_stream, "data", "not json");
        await Redis.StreamAddAsync(_stream, "camera", "no data field");
        await Redis.StreamAddAsync(_stream, "data", $"{{\"cameraId\": \"{unknown}\"}}");

        var dead = await DeadLettersAsync(3);

        // Two silos consume, so the dead letters need not arrive in the order the requests were added.
        var notJson = Assert.Single(dead, d => d.Data == "not json");
        Assert.Contains("not JSON", notJson.Reason, StringComparison.Ordinal);
        var noData = Assert.Single(dead, d => d.Data.Contains("no data field", StringComparison.Ordinal));
        Assert.Contains("no data field", noData.Reason, StringComparison.Ordinal);
        var notRegistered = Assert.Single(dead, d => d.Data.Contains(unknown.ToString(), StringComparison.Ordinal));
        Assert.Contains($"camera {unknown} is not in the registry", notRegistered.Reason, StringComparison.Ordinal);
        Assert.All(dead, d => Assert.Equal(1, d.Deliveries));
        Assert.Equal(0, await Redis.StreamLengthAsync(_stream));
    }

    [Fact]
    public async Task A_request_that_keeps_failing_is_dead_lettered_after_its_deliveries_with_the_last_error()
    {
        var camera = _system.Cameras[1];
        _system.Replay.SetFault(camera, CameraFault.ServerError);
        using var outcomes = new OutcomeCounter(_system.Cluster.Silos.Select(
            s => (object)((InProcessSiloHandle)s).SiloHost.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        try
        {
            var started = DateTime.UtcNow;
            await Redis.StreamAddAsync(_stream, "data", $"{{\"cameraId\": \"{camera}\"}}");

            var dead = Assert.Single(await DeadLettersAsync(1));
            output.WriteLine($"dead-lettered after {(DateTime.UtcNow - started).TotalSeconds:F1} s: {dead.Reason}");

            Assert.StartsWith("gave up after 2 deliveries: camera image unavailable", dead.Reason, StringComparison.Ordinal);
            Assert.Equal(2, dead.Deliveries);
            Assert.Equal(0, await Redis.StreamLengthAsync(_stream));
            // vibecheck_processing_requests_total, as the silos count it: the dead letter is counted right after it is
            // written, so it can be read a moment before the count.
            await VibeCheckCluster.WaitUntilAsync(() => Task.FromResult(outcomes.Of("dead_letter") >= 1), Bound, "the dead letter counted");
            Assert.Equal(2, outcomes.Of("retry"));
            Assert.Equal(1, outcomes.Of("dead_letter"));
            Assert.Equal(0, outcomes.Of("done"));
        }
        finally
        {
            _system.Replay.SetFault(camera, CameraFault.None);
        }
    }

    [Fact]
    public async Task A_request_taken_by_a_consumer_that_died_is_claimed_and_done_by_a_silo()
    {
        var camera = _system.Cameras[2];
        var fetches = _system.Replay.ImageRequestsOf(camera);
        // Added and delivered to a consumer that never answers in one step, so no silo reads it first.
        const string AddAndTake = """
            local id = redis.call('XADD', KEYS[1], '*', 'data', ARGV[1])
            redis.call('XREADGROUP', 'GROUP', ARGV[2], 'silo-that-died', 'COUNT', '1', 'STREAMS', KEYS[1], '>')
            return id
            """;
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await Redis.StreamGroupInfoAsync(_stream)).Any(g => g.Name == Group), Bound, "the silos' consumer group");

        var id = (string)(await Redis.ScriptEvaluateAsync(AddAndTake, [_stream], [$"{{\"cameraId\": \"{camera}\"}}", Group]))!;
        var taken = await Redis.StreamPendingMessagesAsync(_stream, Group, 1, RedisValue.Null, id, id);
        Assert.Equal("silo-that-died", Assert.Single(taken).ConsumerName.ToString());

        await VibeCheckCluster.WaitUntilAsync(async () => await Redis.StreamLengthAsync(_stream) == 0, Bound, "a silo to claim and do the request");
        Assert.True(_system.Replay.ImageRequestsOf(camera) > fetches, "the camera fetched its image");
        Assert.Equal(0, (await Redis.StreamPendingAsync(_stream, Group)).PendingMessageCount);
        Assert.Equal(0, await Redis.StreamLengthAsync(DeadStream));
    }

    [Fact]
    public async Task Requests_a_live_consumer_holds_longer_than_the_claim_idle_time_are_done_once_and_not_taken_from_it()
    {
        // Each image answers late enough that one read batch takes several ClaimIdleAfter periods (1 s) to get through.
        foreach (var camera in _system.Cameras)
        {
            _system.Replay.SetLatency(camera, TimeSpan.FromMilliseconds(250));
        }

        const int PerCamera = 8;
        var requests = Enumerable.Range(0, PerCamera * _system.Cameras.Count).Select(n => _system.Cameras[n % _system.Cameras.Count]).ToList();
        var before = await RequestsAnsweredAsync();
        // One pipeline, so each consumer's first read takes a whole batch.
        await Task.WhenAll(requests.Select(camera => Redis.StreamAddAsync(_stream, "data", $"{{\"cameraId\": \"{camera}\"}}")));

        await VibeCheckCluster.WaitUntilAsync(
            async () => await Redis.StreamLengthAsync(_stream) == 0, TimeSpan.FromSeconds(60), "every request done and removed",
            describe: async () => $"{await Redis.StreamLengthAsync(DeadStream)} dead letters");
        var after = await RequestsAnsweredAsync();
        var done = _system.Cameras.Sum(c => after[c] - before[c]);
        output.WriteLine($"{requests.Count} requests, done {done} times by the cameras, {await Redis.StreamLengthAsync(DeadStream)} dead letters");

        Assert.Equal(0, await Redis.StreamLengthAsync(DeadStream));
        Assert.Equal(requests.Count, done);
    }

    /// <summary>
    /// Requests the cameras answered (with or without a new analysis), as their counters say: no silo goes away in
    /// this class, so each camera's counters count since the start of the test.
    /// </summary>
    private async Task<Dictionary<Guid, long>> RequestsAnsweredAsync()
    {
        var answered = new Dictionary<Guid, long>();
        foreach (var camera in _system.Cameras)
        {
            var counters = (await _system.Grains.GetGrain<ICameraGrain>(camera).GetSnapshot()).Counters;
            answered[camera] = counters.CacheHits + counters.CacheMisses;
        }

        return answered;
    }

    private async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(int count)
    {
        await VibeCheckCluster.WaitUntilAsync(async () => await Redis.StreamLengthAsync(DeadStream) >= count, Bound, $"{count} dead letters");
        var entries = await Redis.StreamRangeAsync(DeadStream);
        return entries.Select(e => new DeadLetter(e["id"].ToString(), e["data"].ToString(), e["reason"].ToString(), (int)e["deliveries"])).ToList();
    }

    private sealed record DeadLetter(string Id, string Data, string Reason, int Deliveries);

    /// <summary>
    /// Listens to the processing counter of this test's silos (they run in this process), told apart by their meter
    /// factories from the silos of tests running alongside.
    /// </summary>
    private sealed class OutcomeCounter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new();

        public OutcomeCounter(IEnumerable<object> meterFactories)
        {
            var scopes = meterFactories.ToHashSet(ReferenceEqualityComparer.Instance);
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VibeCheck.Grains.Telemetry.ProcessingMetrics.MeterName && instrument.Meter.Scope is { } scope && scopes.Contains(scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome")
                    {
                        _counts.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Of(string outcome) => _counts.GetValueOrDefault(outcome);

        public void Dispose() => _listener.Dispose();
    }
}
