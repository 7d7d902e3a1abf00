using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, owned by the test: it can be stopped and
/// started again to test outages. Nothing is persisted, so every start is empty unless the process is kept.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private readonly string? _dataDirectory;

    private RedisServer(int port, string? dataDirectory, RedisServerSecurity? security)
    {
        Port = port;
        _dataDirectory = dataDirectory;
        Security = security;
    }

    public int Port { get; }

    /// <summary>Password and TLS the server demands; null for a plain server.</summary>
    public RedisServerSecurity? Security { get; }

    public string ConnectionString => Security is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},{Security.ConnectionStringSuffix}";

    /// <summary>The product settings of a client of this server: connection string and, with TLS, the <c>Redis:*</c> certificate files.</summary>
    public Dictionary<string, string?> ClientSettings() =>
        Security?.ClientSettings(ConnectionString) ?? new() { [VibeCheck.Redis.RedisConnection.ConnectionStringKey] = ConnectionString };

    /// <summary>Client options built the way the silo and the gateway build theirs.</summary>
    public ConfigurationOptions ClientOptions() =>
        VibeCheck.Redis.RedisConnection.Options(new ConfigurationBuilder().AddInMemoryCollection(ClientSettings()).Build());

    /// <param name="persistent">Keeps data across <see cref="StopProcessAsync"/> and a new start (append-only file, fsync always).</param>
    /// <param name="security">A password and/or TLS only (<c>--port 0 --tls-port</c>); none when null.</param>
    public static async Task<RedisServer> StartAsync(bool persistent = false, RedisServerSecurity? security = null)
    {
        var dataDirectory = persistent ? Directory.CreateTempSubdirectory("vc-redis-").FullName : null;
        var server = new RedisServer(LoopbackPort.Free(), dataDirectory, security);
        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        var persistence = _dataDirectory is null
            ? "--save \"\" --appendonly no"
            : $"--save \"\" --appendonly yes --appendfsync always --dir {_dataDirectory}";
        var listen = Security?.ServerArguments(Port) ?? $"--port {Port}";
        var info = new ProcessStartInfo("redis-server", $"{listen} --bind 127.0.0.1 {persistence} --protected-mode yes")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (see README)", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnswersAsync(ClientOptions, TimeSpan.FromSeconds(15));
    }

    /// <summary>Kills the server as a crash would.</summary>
    public async Task StopProcessAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    public static Task WaitUntilAnswersAsync(string connectionString, TimeSpan timeout) =>
        WaitUntilAnswersAsync(() => ConfigurationOptions.Parse(connectionString), timeout);

    public static async Task WaitUntilAnswersAsync(Func<ConfigurationOptions> clientOptions, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var options = clientOptions();
                options.AbortOnConnectFail = true;
                options.ConnectTimeout = 500;
                await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
