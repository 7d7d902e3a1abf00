using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VibeCheck.Gateway.Live;
using VibeCheck.Gateway.Security;

namespace VibeCheck.Gateway.Endpoints;

/// <summary>
/// <c>GET /events</c>: server-sent events for the web page. A <c>hello</c> event on connection, then one
/// <c>camera</c> event (<see cref="LiveMessage"/> JSON) per camera health change or poll, from whichever silo polled
/// it, and a comment line every 15 s so that proxies keep the connection and dead clients are noticed. The stream ends
/// when the gateway stops (<see cref="LiveEventHub.CloseAll"/>); the page then reconnects.
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", StreamAsync)
            .WithTags("Live")
            .WithName("LiveEvents")
            .WithSummary("Server-sent events: camera health changes and processed frames, pushed from the grains through Orleans streams.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ForReaders();
        return app;
    }

    private static async Task<EmptyHttpResult> StreamAsync(HttpContext http, LiveEventHub hub, IOptions<JsonOptions> json)
    {
        var cancellation = http.RequestAborted;
        using var lease = hub.Join();
        if (lease is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Empty;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var options = json.Value.SerializerOptions;
        try
        {
            await WriteAsync(http.Response, "hello", JsonSerializer.Serialize(new { connectedAt = DateTimeOffset.UtcNow }, options), cancellation);
            while (!cancellation.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                wait.CancelAfter(Heartbeat);
                try
                {
                    if (!await lease.Reader.WaitToReadAsync(wait.Token))
                    {
                        break; // the hub ended the stream: the gateway is stopping
                    }

                    while (lease.Reader.TryRead(out var message))
                    {
                        await WriteAsync(http.Response, "camera", JsonSerializer.Serialize(message, options), cancellation);
                    }
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": ping\n\n", cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The viewer went away.
        }

        return TypedResults.Empty;
    }

    private static async Task WriteAsync(HttpResponse response, string eventName, string data, CancellationToken cancellation)
    {
        var text = new StringBuilder().Append("event: ").Append(eventName).Append('\n')
            .Append("data: ").Append(data).Append("\n\n").ToString();
        await response.WriteAsync(text, cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
