using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace VibeCheck.ReplayServer;

/// <summary>Answers like the NYC DOT API: <c>GET /api/cameras</c> and <c>GET /api/cameras/{id}/image</c>.</summary>
public static class ReplayEndpoints
{
    private static readonly byte[] CorruptJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x13, 0x37, 0xFF, 0xD9];
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cameras", ServeRegistry);
        app.MapGet("/api/cameras/{id}/image", ServeImageAsync);
        app.MapPut("/_replay/cameras/{id:guid}/fault/{fault}", SetFault);
        app.MapGet("/_replay/stats", (ReplayScenario scenario) => Results.Json(new { imageRequests = scenario.TotalImageRequests }));
        app.MapGet("/_replay/polls", ServePolls);
        return app;
    }

    private static IResult ServeRegistry(HttpContext context, ReplayScenario scenario, IOptions<ReplayOptions> options)
    {
        if (scenario.RawRegistry is { } raw)
        {
            return Results.Bytes(raw, "application/json");
        }

        var json = scenario.RegistryJson
            ?? (options.Value.RegistryPath is { } path && File.Exists(path) ? File.ReadAllText(path) : "[]");
        var cameras = JsonNode.Parse(json)?.AsArray() ?? [];
        var self = $"{context.Request.Scheme}://{context.Request.Host}";
        var recordedPrefix = $"https://{options.Value.RecordedImageHost}/";
        foreach (var camera in cameras)
        {
            if (camera?["imageUrl"]?.GetValue<string>() is { } url && url.StartsWith(recordedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                camera["imageUrl"] = self + "/" + url[recordedPrefix.Length..];
            }
        }

        return Results.Text(cameras.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> ServeImageAsync(
        string id, ReplayScenario scenario, PollLog polls, RecordedFrames recorded, IOptions<ReplayOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var cameraId))
        {
            return Results.NotFound();
        }

        var requestNumber = scenario.CountImageRequest(cameraId);
        polls.Record(cameraId);
        if (scenario.LatencyOf(cameraId) is { Ticks: > 0 } latency)
        {
            await Task.Delay(latency, cancellationToken);
        }

        var fault = scenario.FaultOf(cameraId);
        switch (fault)
        {
            case CameraFault.ServerError:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case CameraFault.NotFound:
                return Results.NotFound();
            case CameraFault.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            case CameraFault.CorruptJpeg:
                return Results.Bytes(CorruptJpeg, "image/jpeg");
            case CameraFault.Empty:
                return Results.Bytes([], "image/jpeg");
            case CameraFault.Png:
                return Results.Bytes(TinyPng, "image/jpeg");
            case CameraFault.Html:
                return Results.Text("<html><body>Camera unavailable</body></html>", "image/jpeg");
        }

        var frames = scenario.FramesOf(cameraId) ?? recorded.SequenceFor(cameraId);
        if (frames is null || frames.Count == 0)
        {
            return Results.NotFound();
        }

        var interval = options.Value.FrameInterval;
        var now = clock.GetUtcNow();
        var slot = now.Ticks / Math.Max(1, interval.Ticks);
        var index = fault == CameraFault.Frozen ? 0
            : scenario.AdvancesEachRequest(cameraId) ? (requestNumber - 1) % frames.Count
            : (int)(slot % frames.Count);
        var jpeg = frames[index];
        if (fault == CameraFault.TruncatedJpeg)
        {
            jpeg = jpeg[..(jpeg.Length / 2)];
        }

        var takenAt = scenario.TakenAtOf(cameraId) ?? new DateTimeOffset(slot * interval.Ticks, TimeSpan.Zero);
        return Results.Bytes(jpeg, "image/jpeg", lastModified: takenAt);
    }

    /// <summary>
    /// Per-camera image requests since <paramref name="since"/> (Unix ms; default: everything kept), with the
    /// server's own time so a caller can tell how long a camera that stopped has been silent.
    /// </summary>
    private static IResult ServePolls(long? since, PollLog polls, TimeProvider clock)
    {
        var from = since is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UnixEpoch;
        var cameras = polls.Since(from);
        return Results.Json(new PollsReport(clock.GetUtcNow(), from, cameras));
    }

    private static IResult SetFault(Guid id, string fault, ReplayScenario scenario, IOptions<ReplayOptions> options)
    {
        if (!options.Value.EnableFaultInjection)
        {
            return Results.NotFound();
        }

        if (!Enum.TryParse<CameraFault>(fault, ignoreCase: true, out var parsed))
        {
            return Results.Problem($"unknown fault '{fault}'; one of {string.Join(", ", Enum.GetNames<CameraFault>())}", statusCode: 400);
        }

        scenario.SetFault(id, parsed);
        return Results.NoContent();
    }
}
