using System.Collections.Concurrent;
using System.Diagnostics;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// A bounded read load on the gateway: <c>clients</c> loops alternating <c>GET /cameras/{id}</c> and
/// <c>GET /cameras/{id}/violations</c> over the cameras, each answer counted by phase and status (or exception type),
/// with its slowest latency. Bounded in time (until stopped, at most <see cref="MaxDuration"/>) and in count
/// (<see cref="MaxRequests"/>), with a pause between requests so the 2-core machine keeps room for the silos.
/// </summary>
public sealed class ReadLoad : IAsyncDisposable
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(6);
    public const int MaxRequests = 200_000;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new(MaxDuration);
    private readonly ConcurrentDictionary<(string Phase, string Outcome), int> _counts = new();
    private readonly ConcurrentDictionary<string, long> _slowestMs = new();
    private readonly List<HttpClient> _clients = [];
    private readonly List<Task> _loops = [];
    private int _sent;

    private ReadLoad()
    {
    }

    /// <summary>Label the answers are counted under from now on (e.g. before, outage, after).</summary>
    public string Phase { get; set; } = "before";

    public static ReadLoad Start(VibeCheckCluster system, int clients)
    {
        var load = new ReadLoad();
        for (var i = 0; i < clients; i++)
        {
            var client = system.NewClient(null);
            client.Timeout = TimeSpan.FromSeconds(30);
            load._clients.Add(client);
            var offset = i;
            load._loops.Add(Task.Run(() => load.LoopAsync(client, system.Cameras, offset)));
        }

        return load;
    }

    /// <summary>Answers of a phase by outcome ("200", "503", "TaskCanceledException", ...).</summary>
    public IReadOnlyDictionary<string, int> Counts(string phase) =>
        _counts.Where(c => c.Key.Phase == phase).ToDictionary(c => c.Key.Outcome, c => c.Value);

    public int Total(string phase) => Counts(phase).Values.Sum();

    public int Failed(string phase) => Counts(phase).Where(c => c.Key != "200").Sum(c => c.Value);

    public long SlowestMs(string phase) => _slowestMs.GetValueOrDefault(phase);

    public string Describe(string phase) =>
        $"{phase}: {Total(phase)} reads, {Failed(phase)} failed, slowest {SlowestMs(phase)} ms ({string.Join(", ", Counts(phase).OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))})";

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(HttpClient client, IReadOnlyList<Guid> cameras, int offset)
    {
        for (var n = offset; !_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= MaxRequests; n++)
        {
            var camera = cameras[n % cameras.Count];
            var path = n % 2 == 0 ? $"/cameras/{camera}" : $"/cameras/{camera}/violations";
            var phase = Phase;
            var started = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                using var response = await client.GetAsync(path, _stop.Token);
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                outcome = e.GetType().Name;
            }

            var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _counts.AddOrUpdate((phase, outcome), 1, (_, c) => c + 1);
            _slowestMs.AddOrUpdate(phase, ms, (_, s) => Math.Max(s, ms));
            try
            {
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
