using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VibeCheck.Cameras;

/// <summary>
/// Talks to the NYC DOT camera API (or the replay server that imitates it). Timeouts and retries live in the
/// HttpClient's resilience pipeline; this class turns every outcome into a value, never an exception, so that
/// a bad camera cannot break the grain that polls it.
/// </summary>
public sealed class NycDotClient(HttpClient http, IOptions<NycDotOptions> options, ILogger<NycDotClient> logger)
{
    public const string HttpClientName = "nycdot";
    private readonly NycDotOptions _options = options.Value;

    /// <summary>Loads and validates the camera list.</summary>
    /// <exception cref="RegistryFormatException">The answer is not a camera list.</exception>
    /// <exception cref="HttpRequestException">The API could not be reached or answered an error.</exception>
    public async Task<RegistryParseResult> GetCamerasAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(_options.BaseUrl, "/api/cameras");
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await ReadLimitedAsync(response.Content, _options.MaxRegistryBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryFormatException($"camera list is larger than {_options.MaxRegistryBytes} bytes");
        var result = new RegistryParser(_options.AllowedImageHosts(), _options.BaseUrl).Parse(body);
        foreach (var rejected in result.Rejected)
        {
            logger.LogWarning("Registry entry {CameraId} ({CameraName}) rejected: {Reason}", rejected.Id, rejected.Name, rejected.Reason);
        }

        return result;
    }

    /// <summary>Fetches a camera's latest JPEG from its registry URL.</summary>
    public async Task<FrameFetchResult> GetImageAsync(Uri imageUrl, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);

        if (!_options.AllowedImageHosts().Contains(imageUrl.Host, StringComparer.OrdinalIgnoreCase))
        {
            return FrameFetchResult.Fail(FrameFetchFailure.ConnectionFailed, $"host {imageUrl.Host} is not an allowed camera host", null, Elapsed());
        }

        try
        {
            using var response = await http.GetAsync(imageUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return FrameFetchResult.Fail(FrameFetchFailure.NotFound, "camera image not found (404)", status, Elapsed());
            }

            if (!response.IsSuccessStatusCode)
            {
                return FrameFetchResult.Fail(FrameFetchFailure.ServerError, $"camera answered {status} {response.ReasonPhrase}", status, Elapsed());
            }

            var bytes = await ReadLimitedAsync(response.Content, _options.MaxImageBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return FrameFetchResult.Fail(FrameFetchFailure.TooLarge, $"image is larger than {_options.MaxImageBytes} bytes", status, Elapsed());
            }

            if (ImageFormat.DescribeProblem(bytes) is { } problem)
            {
                return FrameFetchResult.Fail(FrameFetchFailure.NotAJpeg, problem, status, Elapsed());
            }

            return FrameFetchResult.Ok(bytes, status, response.Content.Headers.LastModified, Elapsed());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FrameFetchResult.Fail(FrameFetchFailure.Timeout, "camera did not answer in time", null, Elapsed());
        }
        catch (Exception ex) when (ex is TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return FrameFetchResult.Fail(FrameFetchFailure.Timeout, "camera did not answer in time", null, Elapsed());
        }
        catch (HttpRequestException ex)
        {
            return FrameFetchResult.Fail(FrameFetchFailure.ConnectionFailed, $"camera unreachable: {ex.Message}", null, Elapsed());
        }
    }

    // Returns null when the body exceeds the limit, without buffering more than limit + 1 bytes.
    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
