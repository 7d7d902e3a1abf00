using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VibeCheck.ReplayServer;

/// <summary>
/// When each camera's image was asked for, so a benchmark or a test can see how long a camera stopped polling
/// (e.g. while its silo died). Memory is bounded: the last <see cref="ReplayOptions.PollHistory"/> requests per camera.
/// </summary>
public sealed class PollLog(TimeProvider clock, IOptions<ReplayOptions> options)
{
    private readonly ConcurrentDictionary<Guid, History> _cameras = new();
    private readonly int _capacity = Math.Max(2, options.Value.PollHistory);

    public void Record(Guid cameraId)
    {
        var history = _cameras.GetOrAdd(cameraId, _ => new History(_capacity));
        lock (history)
        {
            // Read inside the lock so that each camera's timestamps stay in order.
            history.Add(clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Every camera asked for at least once (ever), with its requests since <paramref name="since"/>.</summary>
    public IReadOnlyList<CameraPolls> Since(DateTimeOffset since)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var from = since.ToUnixTimeMilliseconds();
        var answer = new List<CameraPolls>(_cameras.Count);
        foreach (var (cameraId, history) in _cameras)
        {
            lock (history)
            {
                answer.Add(history.Since(cameraId, from, now));
            }
        }

        return answer;
    }

    /// <summary>A ring of request times (Unix ms), oldest first; not thread-safe, callers lock it.</summary>
    private sealed class History(int capacity)
    {
        private readonly long[] _times = new long[capacity];
        private int _start;
        private int _count;
        private bool _overwritten;

        public void Add(long time)
        {
            if (_count < _times.Length)
            {
                _times[(_start + _count) % _times.Length] = time;
                _count++;
                return;
            }

            _times[_start] = time;
            _start = (_start + 1) % _times.Length;
            _overwritten = true;
        }

        public CameraPolls Since(Guid cameraId, long from, long now)
        {
            var requests = 0;
            var longestGap = 0L;
            for (var i = 0; i < _count; i++)
            {
                var time = At(i);
                if (time < from)
                {
                    continue;
                }

                requests++;
                if (i > 0)
                {
                    longestGap = Math.Max(longestGap, time - At(i - 1));
                }
            }

            var last = At(_count - 1);
            var truncated = _overwritten && At(0) > from;
            return new CameraPolls(cameraId, requests, longestGap, DateTimeOffset.FromUnixTimeMilliseconds(last), Math.Max(0, now - last), truncated);
        }

        private long At(int i) => _times[(_start + i) % _times.Length];
    }
}
