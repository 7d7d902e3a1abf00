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

    public void SetFrames(Guid cameraId, IReadOnlyList<byte[]> frames) => _frames[cameraId] = frames;

    public IReadOnlyList<byte[]>? FramesOf(Guid cameraId) => _frames.GetValueOrDefault(cameraId);

    public int CountImageRequest(Guid cameraId) => _imageRequests.AddOrUpdate(cameraId, 1, (_, n) => n + 1);

    public int ImageRequestsOf(Guid cameraId) => _imageRequests.GetValueOrDefault(cameraId);

    public int TotalImageRequests => _imageRequests.Values.Sum();
}
