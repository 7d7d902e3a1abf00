using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VibeCheck.Cameras;

namespace VibeCheck.Gateway.Live;

/// <summary>
/// The latest JPEG of each camera, fetched through the camera's registry URL for the web page. Frames are kept in
/// memory only, for the camera refresh period and never longer than five minutes; concurrent viewers of one camera
/// share one fetch.
/// </summary>
public sealed class FrameCache : IDisposable
{
    /// <summary>Longest time a frame is kept, whatever the refresh period.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const long MaxCachedBytes = 64L * 1024 * 1024;
    private readonly NycDotClient _nycDot;
    private readonly TimeSpan _ttl;
    private readonly MemoryCache _frames = new(new MemoryCacheOptions { SizeLimit = MaxCachedBytes });
    private readonly ConcurrentDictionary<Guid, Lazy<Task<FrameFetchResult>>> _inFlight = new();

    public FrameCache(NycDotClient nycDot, IOptions<FrameProxyOptions> options)
    {
        _nycDot = nycDot;
        var refresh = options.Value.RefreshPeriod;
        _ttl = refresh <= TimeSpan.Zero ? TimeSpan.Zero : refresh < MaxAge ? refresh : MaxAge;
    }

    /// <summary>How long a fetched frame is answered from memory.</summary>
    public TimeSpan TimeToLive => _ttl;

    /// <summary>The camera's frame from memory, or fetched now from <paramref name="imageUrl"/>.</summary>
    public async Task<FrameFetchResult> GetAsync(Guid cameraId, Uri imageUrl)
    {
        if (_frames.TryGetValue(cameraId, out FrameFetchResult? cached) && cached is not null)
        {
            return cached;
        }

        var fetch = _inFlight.GetOrAdd(cameraId, _ => new Lazy<Task<FrameFetchResult>>(() => FetchAsync(cameraId, imageUrl)));
        try
        {
            return await fetch.Value;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<Guid, Lazy<Task<FrameFetchResult>>>(cameraId, fetch));
        }
    }

    private async Task<FrameFetchResult> FetchAsync(Guid cameraId, Uri imageUrl)
    {
        // Not the caller's token: other viewers may be waiting on this fetch; the client's own timeouts bound it.
        var result = await _nycDot.GetImageAsync(imageUrl, CancellationToken.None);
        if (result.IsSuccess && _ttl > TimeSpan.Zero)
        {
            _frames.Set(cameraId, result, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = _ttl,
                Size = result.Jpeg!.Length,
            });
        }

        return result;
    }

    public void Dispose() => _frames.Dispose();
}

/// <summary>The part of the <c>Cameras</c> settings the frame proxy uses.</summary>
public sealed class FrameProxyOptions
{
    public const string SectionName = "Cameras";

    /// <summary>The cameras' refresh period (<c>Cameras:RefreshPeriod</c>): a frame is not kept longer. Same range as the silo's.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
