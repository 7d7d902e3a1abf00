using System.Diagnostics;
using StackExchange.Redis;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Violations;
using VibeCheck.Silo;

namespace VibeCheck.Events.Bench;

/// <summary>
/// Event publish latency: from a state change (a new episode's first report reaching its violation grain) until a
/// consumer blocked in <c>XREAD</c> on the events stream receives the event, on one silo in this process and a
/// redis-server of its own. Baseline in the same run: the same consumer receiving an event-sized entry the client adds
/// with <c>XADD</c> itself (the floor any Redis stream backend has). Bounded in samples and in time.
/// Usage: dotnet run -c Release --project bench/Events -- [samples=500] [maxSeconds=120]
/// </summary>
public static class EventLatencyBenchmark
{
    private const string Stream = "vibe-check-events";
    private const string BaselineStream = "vibe-check-events-baseline";
    private const int Warmup = 20;
    private static readonly Guid Camera = Guid.NewGuid();

    public static async Task<int> Main(string[] args)
    {
        var samples = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var budget = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120);
        await using var redis = await LocalRedis.StartAsync();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Orleans:ServiceId"] = "events-bench",
            ["Orleans:ClusterId"] = "events-bench",
            ["Orleans:SiloPort"] = LocalRedis.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = LocalRedis.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // No camera registry: the silo only hosts the violation and alert grains measured here.
            ["NycDot:BaseUrl"] = "http://127.0.0.1:9",
            ["Processing:Stream:Enabled"] = "false",
            ["Warehouse:DataDirectory"] = Directory.CreateTempSubdirectory("vibecheck-events-bench-").FullName,
            // The registry sync fails against the address above, on purpose; its errors would only fill the output.
            ["Logging:LogLevel:Default"] = "Critical",
        });
        builder.UseOrleans(silo => silo.AddVibeCheck(builder.Configuration));
        await using var app = builder.Build();
        await app.StartAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await using var producer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        // Its own connection: a blocking XREAD holds the connection it is sent on.
        await using var consumer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",asyncTimeout=10000");

        var deadline = Stopwatch.StartNew();
        var payload = new string('x', 900);
        var baseline = await MeasureAsync(consumer.GetDatabase(), BaselineStream, samples, budget / 2, deadline,
            _ => producer.GetDatabase().StreamAddAsync(BaselineStream, "event", payload));
        var opened = await MeasureAsync(consumer.GetDatabase(), Stream, samples, budget * 3 / 4, deadline,
            n => grains.GetGrain<IViolationGrain>($"bench-episode-{n}").Report(Report(n, resolved: false)));
        var resolved = await MeasureAsync(consumer.GetDatabase(), Stream, opened.Count, budget, deadline,
            n => grains.GetGrain<IViolationGrain>($"bench-episode-{n}").Report(Report(n, resolved: true)));

        Console.WriteLine($"cores={Environment.ProcessorCount} samples={samples} (after {Warmup} warm-up)");
        Print("XADD by the client -> XREAD (baseline)", baseline);
        Print("first report of a new episode -> violation.opened read (grain activation and state read included)", opened);
        Print("resolving report of an active episode -> violation.resolved read", resolved);
        await app.StopAsync();
        return 0;
    }

    /// <summary>Per sample: a blocking XREAD is sent, then the change made; the latency ends when the XREAD answers.</summary>
    private static async Task<List<double>> MeasureAsync(
        IDatabase consumer, string stream, int samples, TimeSpan budget, Stopwatch clock, Func<int, Task> change)
    {
        var latencies = new List<double>();
        var calls = new List<double>();
        var last = "$";
        for (var n = 0; n < samples + Warmup && clock.Elapsed < budget; n++)
        {
            var read = consumer.ExecuteAsync("XREAD", "COUNT", "1", "BLOCK", "5000", "STREAMS", stream, last);
            // Stamped when the answer arrives, which may be before the change's call returns.
            var readAt = read.ContinueWith(_ => Stopwatch.GetTimestamp(), TaskContinuationOptions.ExecuteSynchronously);
            var started = Stopwatch.GetTimestamp();
            await change(n);
            var call = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var reply = await read;
            var elapsed = Stopwatch.GetElapsedTime(started, await readAt).TotalMilliseconds;
            if (reply.IsNull)
            {
                throw new InvalidOperationException($"sample {n}: no entry within 5 s");
            }

            // [[stream, [[id, [field, value]]]]]
            last = (string)reply[0][1][0][0]!;
            if (n >= Warmup)
            {
                latencies.Add(elapsed);
                calls.Add(call);
            }
        }

        Print($"  {stream}: the change's own call, until it returned", calls);
        return latencies;
    }

    private static void Print(string name, List<double> ms)
    {
        var sorted = ms.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"{name}: n={sorted.Length} median {At(0.5):F2} ms, p99 {At(0.99):F2} ms, max {sorted[^1]:F2} ms");
    }

    private static ViolationEpisodeReport Report(int n, bool resolved)
    {
        var now = DateTimeOffset.UtcNow;
        // LOW confidence: no alert is raised, so each change makes exactly one event, the one measured.
        return new ViolationEpisodeReport(
            $"bench-episode-{n}", resolved ? 1 : 0, Camera, "Bench Ave", "Manhattan", "bike_lane_blocked", "lane",
            resolved ? ViolationEpisodeStatus.Resolved : ViolationEpisodeStatus.Open, 0.3,
            now, resolved ? now : null, now, [$"hash-{n}"], [new DetectionSummary("car", 0.3, 10, 20, 30, 40)], "bench");
    }
}
