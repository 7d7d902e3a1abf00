using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VibeCheck.Events.Bench;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.ReplayServer;
using VibeCheck.Silo;

namespace VibeCheck.FramePath.Bench;

/// <summary>
/// The frame path with violation reports flowing: every camera of the shared registry gets a bike lane, and the replay
/// server shows each one a vehicle that stops in it, stands, and leaves, over and over, so new frames keep opening,
/// updating and resolving episodes. Each round asks every camera for a new frame (<c>ProcessNow</c>, what
/// <c>POST /process/camera/{id}</c> calls behind the gateway, 64 at a time): a poll cycle of the whole city. Reports
/// the calls' latency (median, p99), each round's wall time and this process's CPU (the silo runs here), and the
/// violation reports handed on. Built unchanged on the code before the drain, it gives the "before" figures.
/// Usage: dotnet run -c Release --project bench/FramePath -- [cameras=921] [rounds=12] [maxSeconds=600]
/// </summary>
public static class FramePathBenchmark
{
    private const int Parallelism = 64;
    private const int WarmUpRounds = 4;
    private const int AlertListCalls = 200;
    private static readonly TimeSpan DrainBound = TimeSpan.FromMinutes(3);

    public static async Task<int> Main(string[] args)
    {
        var wanted = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 921;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
        var budget = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 600);
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
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await replay.StartAsync();
        var replayUrl = replay.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The silo's own HTTP endpoints (metrics, health) on a free port, not Kestrel's default 5000.
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Orleans:ServiceId"] = "frame-path-bench",
            ["Orleans:ClusterId"] = "frame-path-bench",
            ["Orleans:SiloPort"] = LocalRedis.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = LocalRedis.FreePort().ToString(CultureInfo.InvariantCulture),
            ["NycDot:BaseUrl"] = replayUrl,
            ["Cameras:PollInterval"] = "01:00:00",
            ["Cameras:RefreshPeriod"] = "00:00:00.500",
            // The synthetic street is drawn for the motion detector; episodes open after 3 frames and end 4 s after
            // their last evidence, so a 16-frame cycle opens, updates and resolves one.
            ["Vision:Detector"] = "BackgroundSubtraction",
            ["Vision:Episodes:MinConsecutiveFrames"] = "3",
            ["Vision:Episodes:EndCutoff"] = "00:00:04",
            ["Warehouse:DataDirectory"] = Directory.CreateTempSubdirectory("vibecheck-frame-path-bench-").FullName,
            ["Logging:LogLevel:Default"] = "Critical",
        });
        builder.UseOrleans(silo => silo.AddVibeCheck(builder.Configuration));
        await using var app = builder.Build();
        await app.StartAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var cameras = await RegisteredCamerasAsync(grains, wanted);
        var scenario = replay.Services.GetRequiredService<ReplayScenario>();
        var frames = StreetFrames.Cycle(empty: 3, stopped: 10);
        var zone = new CameraZone(StreetFrames.BikeLane.Name, StreetFrames.BikeLane.Type,
            [.. StreetFrames.BikeLane.Points.Select(p => new ZonePoint(p[0], p[1]))]);
        foreach (var camera in cameras)
        {
            scenario.SetFrames(camera, frames, advanceEachRequest: true);
            var zones = await grains.GetGrain<ICameraGrain>(camera).SetZones([zone]);
            if (!zones.Accepted)
            {
                throw new InvalidOperationException($"zone refused: {string.Join("; ", zones.Errors)}");
            }
        }

        var redisBefore = await RedisTrafficAsync(redis.ConnectionString);
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        var roundWalls = new List<double>();
        var roundCpu = new List<double>();
        var failures = 0;
        var measured = 0;
        for (var round = 0; round < WarmUpRounds + rounds && clock.Elapsed < budget; round++)
        {
            // A round starts in a 2-s frame slot of its own, so each camera's frame is newer than its last.
            await Task.Delay(TimeSpan.FromTicks(2 * TimeSpan.TicksPerSecond - DateTimeOffset.UtcNow.UtcTicks % (2 * TimeSpan.TicksPerSecond)) + TimeSpan.FromMilliseconds(50));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var results = new System.Collections.Concurrent.ConcurrentBag<(ProcessResult Result, double Ms)>();
            await Parallel.ForEachAsync(cameras, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (camera, _) =>
            {
                var t = Stopwatch.GetTimestamp();
                var result = await grains.GetGrain<ICameraGrain>(camera).ProcessNow();
                results.Add((result, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            });
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var fresh = results.Where(r => r.Result.Outcome == ProcessOutcome.Processed && !r.Result.CacheHit).ToList();
            failures += results.Count(r => r.Result.Outcome != ProcessOutcome.Processed);
            Console.WriteLine($"round {round}{(round < WarmUpRounds ? " (warm-up)" : "")}: {wall:F2} s wall, {used:F2} s CPU, {fresh.Count} new frames of {results.Count}");
            if (round >= WarmUpRounds)
            {
                measured++;
                latencies.AddRange(fresh.Select(r => r.Ms));
                roundWalls.Add(wall);
                roundCpu.Add(used);
            }
        }

        var (sent, pending, drained) = await ReportsAsync(grains, cameras);
        var redisAfter = await RedisTrafficAsync(redis.ConnectionString);
        var redisBytes = redisAfter.Bytes - redisBefore.Bytes;
        var (alerts, listMs) = await ListAlertsAsync(grains);
        Console.WriteLine();
        Console.WriteLine($"cores={Environment.ProcessorCount} cameras={cameras.Count} rounds={measured} (+{WarmUpRounds} warm-up) parallelism={Parallelism}");
        Console.WriteLine($"ProcessNow on a new frame: n={latencies.Count} median={Percentile(latencies, 0.5):F1} ms p99={Percentile(latencies, 0.99):F1} ms");
        Console.WriteLine($"poll cycle of {cameras.Count} cameras: median wall {Percentile(roundWalls, 0.5):F2} s, median CPU {Percentile(roundCpu, 0.5):F2} s");
        Console.WriteLine($"violation reports handed on: {sent} ({pending} still pending), {(double)sent / Math.Max(1, cameras.Count * (measured + WarmUpRounds)):F2} per new frame; failed calls {failures}");
        Console.WriteLine($"redis: {redisBytes / 1e6:F1} MB written by {redisAfter.Commands - redisBefore.Commands} commands, {redisBytes / 1e3 / Math.Max(1, sent):F1} kB per report handed on");
        Console.WriteLine($"GET /alerts's grain call (all {alerts} alerts, {AlertListCalls} calls one after another): median {Percentile(listMs, 0.5):F1} ms p99 {Percentile(listMs, 0.99):F1} ms");
        Console.WriteLine(pending == 0
            ? $"outboxes empty {drained.TotalSeconds:F1} s after the last round"
            : $"outboxes not empty {drained.TotalSeconds:F0} s after the last round");
        await app.StopAsync();
        return measured == rounds ? 0 : 2;
    }

    /// <summary>
    /// Reports handed on and still queued in the cameras' outboxes, and how long after the last round the outboxes
    /// emptied (the router's backlog), waiting at most <see cref="DrainBound"/>.
    /// </summary>
    private static async Task<(long Sent, long Pending, TimeSpan Drained)> ReportsAsync(IGrainFactory grains, List<Guid> cameras)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await Task.WhenAll(cameras.Select(c => grains.GetGrain<ICameraGrain>(c).GetDetectionStatus()));
            var sent = statuses.Sum(s => (long)s.ViolationReportsSent);
            var pending = statuses.Sum(s => (long)s.PendingViolationReports);
            if (pending == 0 || waited.Elapsed > DrainBound)
            {
                return (sent, pending, waited.Elapsed);
            }

            await Task.Delay(250);
        }
    }

    /// <summary>What the API's alert list costs once the rounds are over: the front router's answer for every router.</summary>
    private static async Task<(int Alerts, List<double> Ms)> ListAlertsAsync(IGrainFactory grains)
    {
        var front = grains.GetGrain<IAlertGrain>(IAlertGrain.Key);
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < AlertListCalls; i++)
        {
            var t = Stopwatch.GetTimestamp();
            count = (await front.List(new AlertQuery(null, null, null))).Count;
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        return (count, times);
    }

    /// <summary>Bytes sent to Redis and commands it ran so far: the grains' state writes, the router's among them.</summary>
    private static async Task<(long Bytes, long Commands)> RedisTrafficAsync(string connectionString)
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"{connectionString},allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var stats = (await server.InfoAsync("stats")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return (long.Parse(stats["total_net_input_bytes"], CultureInfo.InvariantCulture),
            long.Parse(stats["total_commands_processed"], CultureInfo.InvariantCulture));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<List<Guid>> RegisteredCamerasAsync(IGrainFactory grains, int wanted)
    {
        var registry = grains.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var ids = await registry.CameraIds();
            if (ids.Count >= Math.Min(wanted, 900))
            {
                return [.. ids.Order().Take(wanted)];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the registry did not list {wanted} cameras within a minute");
    }
}
