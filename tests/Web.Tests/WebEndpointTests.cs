using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using VibeCheck.Integration.Tests;
using VibeCheck.ReplayServer;

namespace VibeCheck.Web.Tests;

/// <summary>The page's server side over plain HTTP: static files and their headers, the frame proxy, server-sent events.</summary>
[Collection(WebClusterCollection.Name)]
public sealed class WebEndpointTests(WebClusterFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private VibeCheckCluster System => fixture.System;

    [Fact]
    public async Task Page_is_served_at_root_with_security_headers_and_no_inline_code()
    {
        using var anonymous = System.NewClient(null);
        var page = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("img-src 'self' data: blob:", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches("<script type=\"module\" src=\"app.js\">", html);
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("<style|\\sstyle=|\\son[a-z]+=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);

        string[] assets = ["/app.js", "/live.js", "/chart.js", "/map.js", "/app.css", "/map.css", "/lib/leaflet/leaflet.js",
            "/lib/leaflet/leaflet.css", "/lib/uplot/uPlot.iife.min.js", "/lib/uplot/uPlot.min.css", "/map/boroughs.geojson"];
        foreach (var path in assets)
        {
            var asset = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal(TypeOf(path), asset.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(asset.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/boroughs.json")).StatusCode);
    }

    private static string TypeOf(string path) => Path.GetExtension(path) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        ".geojson" => "application/geo+json",
        var other => throw new ArgumentException($"no expected type for {other}"),
    };

    [Fact]
    public async Task Frame_is_the_cameras_latest_jpeg_proxied_and_not_stored()
    {
        var camera = System.Cameras[1];
        var before = System.Replay.ImageRequestsOf(camera);

        var response = await System.Http.GetAsync($"/cameras/{camera}/frame");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var jpeg = await response.Content.ReadAsByteArrayAsync();
        Assert.True(jpeg.Length > 100 && jpeg[0] == 0xFF && jpeg[1] == 0xD8, "the body is a JPEG");
        Assert.Contains(System.Replay.FramesOf(camera)!, frame => frame.AsSpan().SequenceEqual(jpeg));
        Assert.True(System.Replay.ImageRequestsOf(camera) > before, "fetched through the camera's registry URL");
    }

    [Fact]
    public async Task Frame_errors_are_problems()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await ProblemStatusAsync("/cameras/not-a-uuid/frame"));
        Assert.Equal(HttpStatusCode.NotFound, await ProblemStatusAsync($"/cameras/{Guid.NewGuid()}/frame"));

        var broken = System.Cameras[2];
        System.Replay.SetFault(broken, CameraFault.ServerError);
        try
        {
            Assert.Equal(HttpStatusCode.BadGateway, await ProblemStatusAsync($"/cameras/{broken}/frame"));
        }
        finally
        {
            System.Replay.SetFault(broken, CameraFault.None);
        }
    }

    [Fact]
    public async Task Events_stream_carries_a_processed_frame_from_the_grain()
    {
        var camera = System.Cameras[3];
        using var client = System.NewClient(null);
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(Bound);
        Assert.Equal("event: hello", await reader.ReadLineAsync(timeout.Token));

        // The gateway's stream subscription may still be settling: poll the camera until its event arrives.
        string? hash = null;
        var reading = ReadCameraEventAsync(reader, camera, timeout.Token);
        while (!reading.IsCompleted)
        {
            var processed = await System.Http.PostAsync($"/process/camera/{camera}", null);
            Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
            hash ??= (await processed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("frameHash").GetString();
            await Task.WhenAny(reading, Task.Delay(1000, timeout.Token));
        }

        var message = await reading;
        Assert.Equal("frame_processed", message.GetProperty("kind").GetString());
        Assert.Equal("online", message.GetProperty("health").GetString());
        Assert.Matches("^[0-9a-f]{64}$", message.GetProperty("frameHash").GetString());
        Assert.True(message.GetProperty("detections").GetInt32() >= 0);
    }

    private static async Task<JsonElement> ReadCameraEventAsync(StreamReader reader, Guid camera, CancellationToken cancellation)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "camera")
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (data.GetProperty("cameraId").GetString() == camera.ToString() && data.GetProperty("kind").GetString() == "frame_processed")
                {
                    return data;
                }
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }

    private async Task<HttpStatusCode> ProblemStatusAsync(string path)
    {
        var response = await System.Http.GetAsync(path);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return response.StatusCode;
    }
}
