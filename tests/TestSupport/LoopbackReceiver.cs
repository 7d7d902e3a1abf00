using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VibeCheck.TestSupport;

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedRequest(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers, int Status);

/// <summary>What the receiver answers: a status code and, optionally, a JSON body.</summary>
public sealed record LoopbackAnswer(int Status, string? Json = null);

/// <summary>A real HTTP receiver on 127.0.0.1 (Kestrel, port 0) whose answer is decided per request by a script.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, ReceivedRequest, CancellationToken, Task<LoopbackAnswer>> _respond;
    private int _count;

    private LoopbackReceiver(WebApplication app, Func<int, ReceivedRequest, CancellationToken, Task<LoopbackAnswer>> respond)
    {
        _app = app;
        _respond = respond;
    }

    /// <summary>All requests, including those answered with errors or abandoned by the client.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Base URL, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts a receiver; <paramref name="respond"/> gets the 1-based request number and returns the status code.</summary>
    public static Task<LoopbackReceiver> StartAsync(Func<int, ReceivedRequest, CancellationToken, Task<int>>? respond = null) =>
        StartAsync(async (n, request, ct) => new LoopbackAnswer(respond is null ? 200 : await respond(n, request, ct)));

    /// <summary>Starts a receiver whose script also chooses a JSON body.</summary>
    public static async Task<LoopbackReceiver> StartAsync(Func<int, ReceivedRequest, CancellationToken, Task<LoopbackAnswer>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, respond);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>Requests answered 2xx.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => [.. Requests.Where(r => r.Status is >= 200 and < 300)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(context.Request.Path, buffer.ToArray(), headers, 0);
        var number = Interlocked.Increment(ref _count);
        LoopbackAnswer answer;
        try
        {
            answer = await _respond(number, request, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Requests.Enqueue(request with { Status = -1 });
            return;
        }

        Requests.Enqueue(request with { Status = answer.Status });
        context.Response.StatusCode = answer.Status;
        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }
    }
}
