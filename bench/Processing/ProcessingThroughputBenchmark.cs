using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StackExchange.Redis;
using VibeCheck.Events.Bench;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Telemetry;
using VibeCheck.ReplayServer;
using VibeCheck.Silo;

namespace VibeCheck.Processing.Bench;

/// <summary>
/// Throughput of the processing stream: requests per second from entries added to <c>vibe-check-processing</c> until the
/// consumer has had each camera process a fresh frame and acknowledged it. Baseline in the same run: the same number of
/// direct <c>ProcessNow</c> calls (what <c>POST /process</c> does) on other cameras, one at a time as the consumer makes them.
/// One silo in this process on a redis-server of its own; cameras and recorded frames from the shared data's registry
/// through the replay server. Bounded in requests and time.
/// Usage: dotnet run -c Release --project bench/Processing -- [requests=200] [maxSeconds=300]
/// </summary>
public static class ProcessingThroughputBenchmark
{
    private const string Stream = "vibe-check-processing";

    public static async Task<int> Main(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var budget = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300);
        var data = SharedData.Directory;
        var registry = Path.Combine(data, "nyc-camera-registry", "skortchmark9-bus_cameras_all.json");
        if (!File.Exists(registry))
        {
            Console.Error.WriteLine($"missing {registry}: set VIBECHECK_DATA");
            return 1;
        }

        await using var redis = await LocalRedis.StartAsync();
        await using var replay = ReplayApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Replay:RegistryPath"] = registry,
            ["Replay:FramesDirectory"] = Path.Combine(data, "nyc-dot-frames"),
        }));
        await replay.StartAsync();
        var replayUrl = replay.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Orleans:ServiceId"] = "processing-bench",
            ["Orleans:ClusterId"] = "processing-bench",
            ["Orleans:SiloPort"] = LocalRedis.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = LocalRedis.FreePort().ToString(CultureInfo.InvariantCulture),
            ["NycDot:BaseUrl"] = replayUrl,
            // Only requests make cameras fetch and analyse: no timed poll competes with them.
            ["Cameras:PollInterval"] = "01:00:00",
            ["Warehouse:DataDirectory"] = Directory.CreateTempSubdirectory("vibecheck-processing-bench-").FullName,
            ["Logging:LogLevel:Default"] = "Critical",
        });
        builder.UseOrleans(silo => silo.AddVibeCheck(builder.Configuration));
        await using var app = builder.Build();
        await app.StartAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        const int warmUp = 20;
        var cameras = await RegisteredCamerasAsync(grains, 2 * requests + warmUp);
        // Each silo's consumer handles the entries it reads one after another; the baseline calls the same way.
        const int concurrency = 1;
        using var done = new DoneCounter();

        // JIT, connection pools and the detector's first runs, on cameras of their own, before either measurement.
        await DirectAsync(grains, cameras.Skip(2 * requests).ToList(), concurrency);
        var clock = Stopwatch.StartNew();
        var direct = await DirectAsync(grains, cameras.Take(requests).ToList(), concurrency);
        var producer = (await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString)).GetDatabase();
        var started = Stopwatch.GetTimestamp();
        foreach (var camera in cameras.Skip(requests).Take(requests))
        {
            await producer.StreamAddAsync(Stream, "data", $"{{\"cameraId\": \"{camera}\"}}");
        }

        while (done.Count < requests && clock.Elapsed < budget)
        {
            await Task.Delay(20);
        }

        var streamed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"cores={Environment.ProcessorCount} requests={requests} concurrency={concurrency} detector={app.Configuration["Vision:Detector"] ?? "default"}");
        Console.WriteLine($"direct ProcessNow (baseline): {requests} in {direct.TotalSeconds:F2} s = {requests / direct.TotalSeconds:F1} requests/s");
        Console.WriteLine($"processing stream: {done.Count} of {requests} done in {streamed.TotalSeconds:F2} s = {done.Count / streamed.TotalSeconds:F1} requests/s");
        Console.WriteLine($"stream / direct: {done.Count / streamed.TotalSeconds / (requests / direct.TotalSeconds):F2}");
        await app.StopAsync();
        return done.Count == requests ? 0 : 2;
    }

    private static async Task<List<Guid>> RegisteredCamerasAsync(IGrainFactory grains, int wanted)
    {
        var registry = grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var ids = await registry.CameraIds();
            if (ids.Count >= wanted)
            {
                // A fixed shuffle: both halves are a spread of the city, not two boroughs.
                return [.. ids.OrderBy(id => id.GetHashCode() ^ 0x5bd1e995).Take(wanted)];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the registry did not list {wanted} cameras within a minute");
    }

    private static async Task<TimeSpan> DirectAsync(IGrainFactory grains, List<Guid> cameras, int concurrency)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(cameras.Select(async camera =>
        {
            await gate.WaitAsync();
            try
            {
                await grains.GetGrain<ICameraGrain>(camera).ProcessNow();
            }
            finally
            {
                gate.Release();
            }
        }));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Counts the silo's processing requests that ended done (the silo runs in this process).</summary>
    private sealed class DoneCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DoneCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ProcessingMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome" && (string?)tag.Value == "done")
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
