using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;
using VibeCheck.Gateway.Http;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Gateway.Cameras;

/// <summary>
/// The gateway's copy of which camera ids exist, so that a request for an unknown or made-up id is answered 404
/// without activating a grain for it. Refreshed from the registry grain in the background and on a miss.
/// </summary>
public sealed class RegistryIndex(IClusterClient cluster, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MinRefreshGap = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Lock _gate = new();
    private FrozenSet<Guid> _ids = FrozenSet<Guid>.Empty;
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async ValueTask<bool> ContainsAsync(Guid id)
    {
        var age = clock.GetUtcNow() - _refreshedAt;
        if (age > MaxAge || (!_ids.Contains(id) && age > MinRefreshGap))
        {
            await RefreshAsync();
        }

        return _ids.Contains(id);
    }

    /// <summary>
    /// The camera a route's id names, or the problem to answer: 400 when the id is not a UUID, 404 when the registry
    /// does not list it. Every per-camera endpoint starts here, before any grain is touched.
    /// </summary>
    public async ValueTask<(Guid CameraId, ProblemHttpResult? Problem)> ResolveAsync(string id)
    {
        if (!CameraIds.TryParse(id, out var cameraId))
        {
            return (Guid.Empty, Problems.InvalidCameraId(id));
        }

        return await ContainsAsync(cameraId) ? (cameraId, null) : (cameraId, Problems.UnknownCamera(cameraId));
    }

    /// <summary>
    /// Adds ids the registry has just shown (a listing): a camera the listing shows is then served at once, instead
    /// of 404 until the next refresh, which a recent miss may hold back for <see cref="MinRefreshGap"/>.
    /// </summary>
    public void Include(IEnumerable<Guid> ids)
    {
        lock (_gate)
        {
            var known = _ids;
            var added = ids.Where(id => !known.Contains(id)).ToList();
            if (added.Count > 0)
            {
                _ids = known.Concat(added).ToFrozenSet();
            }
        }
    }

    public async Task RefreshAsync()
    {
        if (!await _refreshing.WaitAsync(0))
        {
            // Another request is refreshing; wait for it rather than asking the registry twice.
            await _refreshing.WaitAsync();
            _refreshing.Release();
            return;
        }

        try
        {
            var ids = await cluster.GetGrain<ICameraRegistryGrain>(ICameraRegistryGrain.Key).CameraIds();
            lock (_gate)
            {
                _ids = ids.ToFrozenSet();
                _refreshedAt = clock.GetUtcNow();
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
