using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    private RedisServer(int port, string? dataDirectory)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <param name="persistent">Keeps data across <see cref="StopProcessAsync"/> and a new start (append-only file, fsync always).</param>
    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        var dataDirectory = persistent ? Directory.CreateTempSubdirectory("vc-redis-").FullName : null;
        var server = new RedisServer(FreePort(), dataDirectory);
        await server.StartProcessAsync();
        return server;
    }

    public async Task StartProcessAsync()
    {
        var persistence = _dataDirectory is null
            ? "--save \"\" --appendonly no"
            : $"--save \"\" --appendonly yes --appendfsync always --dir {_dataDirectory}";
        var info = new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 {persistence} --protected-mode yes")
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
        await WaitUntilAnswersAsync(ConnectionString, TimeSpan.FromSeconds(15));
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

    public static async Task WaitUntilAnswersAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var options = ConfigurationOptions.Parse(connectionString);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
