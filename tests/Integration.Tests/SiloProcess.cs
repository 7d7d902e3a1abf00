using System.Collections.Concurrent;
using System.Diagnostics;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A production silo (VibeCheck.Silo.dll, copied next to the tests) in its own process, so that a test can kill it
/// with SIGKILL: an in-process TestCluster silo, even "killed", still records itself as dead in the membership
/// table, which a crashed process cannot do.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();

    private SiloProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    /// <summary>The silo's last 100 log lines, for failure messages.</summary>
    public string LastLines => string.Join(Environment.NewLine, _lastLines);

    public static SiloProcess Start(IReadOnlyDictionary<string, string?> settings)
    {
        var siloPort = LoopbackPort.Free();
        var dll = Path.Combine(AppContext.BaseDirectory, "VibeCheck.Silo.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{LoopbackPort.Free()}");
        info.ArgumentList.Add($"--Orleans:SiloPort={siloPort}");
        info.ArgumentList.Add($"--Orleans:GatewayPort={LoopbackPort.Free()}");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        return new SiloProcess(Process.Start(info) ?? throw new InvalidOperationException("the silo process did not start"), siloPort);
    }

    /// <summary>SIGTERM, as Kubernetes and systemd stop a pod or service: the silo's own shutdown runs.</summary>
    /// <returns>The exit code and the time from the signal to the exit.</returns>
    public async Task<(int ExitCode, TimeSpan Elapsed)> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the silo had not exited {timeout} after SIGTERM{Environment.NewLine}{LastLines}");
        }

        return (_process.ExitCode, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>SIGKILL: no shutdown, no membership update, sockets closed by the kernel.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > 100 && _lastLines.TryDequeue(out _))
        {
        }
    }
}
