using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using StackExchange.Redis;
using VibeCheck.Gateway;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// The whole system in one test process: a replay server imitating the NYC DOT API, a TestCluster of real silos on
/// real Redis, and the gateway on a loopback port.
/// </summary>
public sealed class VibeCheckCluster : IAsyncDisposable
{
    private WebApplication? _replay;
    private WebApplication? _gateway;
    private ConnectionMultiplexer? _redis;

    private VibeCheckCluster(string serviceId, string redisConnection, IReadOnlyList<Guid> cameras)
    {
        ServiceId = serviceId;
        RedisConnection = redisConnection;
        Cameras = cameras;
    }

    public const string WriterKey = "test-writer-key-0123456789";
    public const string AdminKey = "test-admin-key-0123456789";

    public string ServiceId { get; }
    public string RedisConnection { get; }
    public IReadOnlyList<Guid> Cameras { get; }
    public TestCluster Cluster { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Uri ReplayUrl { get; private set; } = null!;
    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>A client of the gateway sending <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient NewClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
    public ReplayScenario Replay => _replay!.Services.GetRequiredService<ReplayScenario>();
    public IDatabase Redis => _redis!.GetDatabase();
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The gateway's services, for tests that act on the gateway itself (e.g. end its live streams as a shutdown does).</summary>
    public IServiceProvider GatewayServices => _gateway!.Services;

    /// <summary>Starts everything. <paramref name="settings"/> override the test defaults (e.g. Cameras:PollInterval).</summary>
    public static async Task<VibeCheckCluster> StartAsync(
        int cameraCount = 4,
        int silos = 2,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? serviceId = null,
        string? redisConnection = null,
        IReadOnlyList<Guid>? cameraIds = null,
        Action<ReplayScenario, IReadOnlyList<Guid>>? setUpReplay = null,
        CapturedLogs? logs = null)
    {
        var cameras = cameraIds ?? Enumerable.Range(0, cameraCount).Select(_ => Guid.NewGuid()).ToList();
        var harness = new VibeCheckCluster(serviceId ?? "vc-test-" + Guid.NewGuid().ToString("N")[..8], redisConnection ?? await SharedRedis.ConnectionStringAsync(), cameras);
        await harness.StartReplayAsync();
        harness.Replay.RegistryJson = TestRegistry.Json(cameras);
        foreach (var (id, i) in cameras.Select((id, i) => (id, i)))
        {
            harness.Replay.SetFrames(id, SyntheticFrames.MovingScene(i, 6), advanceEachRequest: true);
        }

        setUpReplay?.Invoke(harness.Replay, cameras);
        if (logs is not null)
        {
            CapturedLogs.Register(harness.ServiceId, logs);
        }

        await harness.StartClusterAsync(silos, settings);
        await harness.StartGatewayAsync(settings, logs);
        return harness;
    }

    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisConnection,
            ["Orleans:ClusterId"] = ServiceId,
            ["Orleans:ServiceId"] = ServiceId,
            ["NycDot:BaseUrl"] = ReplayUrl.ToString(),
            // The synthetic street scenes are drawn for the motion detector; the COCO detector has its own tests.
            ["Vision:Detector"] = "BackgroundSubtraction",
            ["NycDot:AttemptTimeout"] = "00:00:01",
            ["NycDot:Retries"] = "1",
            ["NycDot:RetryDelay"] = "00:00:00.050",
            ["Cameras:PollInterval"] = "01:00:00",
            ["Cameras:RefreshPeriod"] = "00:00:00.300",
            ["Cameras:KeepAlivePeriod"] = "00:01:00",
            ["Cameras:FrozenAfterFrames"] = "3",
            // A move restarts a camera's background model, which would upset tests that drive a detector frame by
            // frame; CameraScaleOutTests turns balancing on.
            ["Cameras:RebalanceMovesPerPass"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:ApiKeys:0"] = WriterKey,
            ["Auth:AdminKeys:0"] = AdminKey,
            ["RateLimits:WritesPerMinute"] = "100000",
            ["RateLimits:ReadsPerMinute"] = "100000",
            ["Warehouse:DataDirectory"] = Path.Combine(Path.GetTempPath(), "vibecheck-tests", ServiceId, "warehouse"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task StartReplayAsync()
    {
        _replay = ReplayApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" }));
        await _replay.StartAsync();
        ReplayUrl = new Uri(_replay.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private async Task StartClusterAsync(int silos, IReadOnlyDictionary<string, string?>? overrides)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = ServiceId;
        builder.Options.UseTestClusterMembership = false;
        // The gateway under test is a real Orleans client over TCP; the default in-memory transport would hide the silos from it.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(Settings(overrides)));
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        // Built like the silos' own connection, so a password or TLS settings in the test settings apply here too.
        _redis = await ConnectionMultiplexer.ConnectAsync(
            VibeCheck.Redis.RedisConnection.Options(new ConfigurationBuilder().AddInMemoryCollection(Settings(overrides)).Build()));
    }

    private async Task StartGatewayAsync(IReadOnlyDictionary<string, string?>? overrides, CapturedLogs? logs)
    {
        var settings = Settings(overrides);
        settings["Urls"] = "http://127.0.0.1:0";
        _gateway = GatewayApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            if (logs is not null)
            {
                b.Logging.AddProvider(logs);
            }
        });
        await _gateway.StartAsync();
        var address = _gateway.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GatewayUrl = new Uri(address);
        Http = NewClient(WriterKey);
    }

    /// <summary>Waits until the replay server has answered every camera at least <paramref name="polls"/> image requests.</summary>
    public Task WaitForPollsAsync(int polls, TimeSpan timeout) =>
        WaitUntilAsync(() => Task.FromResult(Cameras.All(c => Replay.ImageRequestsOf(c) >= polls)), timeout, $"{polls} polls of every camera");

    /// <summary>A client of the replay server, for its per-camera poll report (<c>/_replay/polls</c>).</summary>
    public HttpClient NewReplayClient() => new() { BaseAddress = ReplayUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until the condition holds, polling; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var detail = describe is null ? "" : "\n" + await describe();
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for: {what}{detail}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<T> GetJsonAsync<T>(string path) =>
        (await Http.GetFromJsonAsync<T>(path)) ?? throw new InvalidOperationException($"{path} answered null");

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (_replay is not null)
        {
            await _replay.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
