using System.Collections.Concurrent;

namespace VibeCheck.ReplayServer;

/// <summary>The mutable part of a replay: per-camera faults, per-camera frame sequences and an optional raw registry.</summary>
public sealed class ReplayScenario
{
    private readonly ConcurrentDictionary<Guid, CameraFault> _faults = new();
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<byte[]>> _frames = new();
    private readonly ConcurrentDictionary<Guid, int> _imageRequests = new();

    /// <summary>When set, served as the camera list verbatim (to test malformed registries).</summary>
    public byte[]? RawRegistry { get; set; }

    /// <summary>When set, served as the camera list (NYC DOT layout), instead of the configured file.</summary>
    public string? RegistryJson { get; set; }

    public void SetFault(Guid cameraId, CameraFault fault)
    {
        if (fault == CameraFault.None)
        {
            _faults.TryRemove(cameraId, out _);
        }
        else
        {
            _faults[cameraId] = fault;
        }
    }

    public CameraFault FaultOf(Guid cameraId) => _faults.GetValueOrDefault(cameraId);

    private readonly ConcurrentDictionary<Guid, bool> _advanceEachRequest = new();

    /// <summary>
    /// Gives a camera its own frames. By default the picture advances with the clock like a real camera;
    /// <paramref name="advanceEachRequest"/> makes every request get the next frame, for tests that need an exact order.
    /// </summary>
    public void SetFrames(Guid cameraId, IReadOnlyList<byte[]> frames, bool advanceEachRequest = false)
    {
        _frames[cameraId] = frames;
        _advanceEachRequest[cameraId] = advanceEachRequest;
    }

    public bool AdvancesEachRequest(Guid cameraId) => _advanceEachRequest.GetValueOrDefault(cameraId);

    public IReadOnlyList<byte[]>? FramesOf(Guid cameraId) => _frames.GetValueOrDefault(cameraId);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _takenAt = new();

    /// <summary>
    /// Serves the camera's pictures as taken at <paramref name="takenAt"/> (their <c>Last-Modified</c>) instead of at the
    /// replay clock's frame slot, like a camera whose clock is behind; null goes back to the clock. Lets a test put
    /// frames into an earlier 5-minute activity bucket without waiting five minutes.
    /// </summary>
    public void SetTakenAt(Guid cameraId, DateTimeOffset? takenAt)
    {
        if (takenAt is { } at)
        {
            _takenAt[cameraId] = at;
        }
        else
        {
            _takenAt.TryRemove(cameraId, out _);
        }
    }

    public DateTimeOffset? TakenAtOf(Guid cameraId) => _takenAt.TryGetValue(cameraId, out var at) ? at : null;

    private readonly ConcurrentDictionary<Guid, TimeSpan> _latency = new();

    /// <summary>
    /// Makes the camera's images take <paramref name="latency"/> to answer (zero: at once), like a slow camera, so a test
    /// can hold requests in flight long enough to act while they are.
    /// </summary>
    public void SetLatency(Guid cameraId, TimeSpan latency)
    {
        if (latency > TimeSpan.Zero)
        {
            _latency[cameraId] = latency;
        }
        else
        {
            _latency.TryRemove(cameraId, out _);
        }
    }

    public TimeSpan LatencyOf(Guid cameraId) => _latency.GetValueOrDefault(cameraId);

    public int CountImageRequest(Guid cameraId) => _imageRequests.AddOrUpdate(cameraId, 1, (_, n) => n + 1);

    public int ImageRequestsOf(Guid cameraId) => _imageRequests.GetValueOrDefault(cameraId);

    public int TotalImageRequests => _imageRequests.Values.Sum();
}
