using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>One webhook request as the receiver saw it, with the status it answered (-1: the sender gave up).</summary>
public sealed record WebhookRequest(string Body, string IdempotencyKey, string Signature, int Status);

/// <summary>A real HTTP receiver on 127.0.0.1 whose answer per request is decided by <see cref="Respond"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every request, answered or abandoned.</summary>
    public ConcurrentQueue<WebhookRequest> Requests { get; } = new();

    /// <summary>Decides the status of a request from its body; 200 unless a test sets it.</summary>
    public Func<WebhookRequest, CancellationToken, Task<int>> Respond { get; set; } = (_, _) => Task.FromResult(200);

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/alertmanager";
        return receiver;
    }

    /// <summary>Requests answered 2xx whose body mentions <paramref name="text"/>.</summary>
    public IReadOnlyList<WebhookRequest> AcceptedMentioning(string text) =>
        [.. Requests.Where(r => r.Status is >= 200 and < 300 && r.Body.Contains(text, StringComparison.Ordinal))];

    /// <summary>All requests whose body mentions <paramref name="text"/>.</summary>
    public IReadOnlyList<WebhookRequest> Mentioning(string text) =>
        [.. Requests.Where(r => r.Body.Contains(text, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new WebhookRequest(
            body,
            context.Request.Headers["Idempotency-Key"].ToString(),
            context.Request.Headers["X-VibeCheck-Signature"].ToString(),
            0);
        int status;
        try
        {
            status = await Respond(request, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Requests.Enqueue(request with { Status = -1 });
            return;
        }

        Requests.Enqueue(request with { Status = status });
        context.Response.StatusCode = status;
    }
}
