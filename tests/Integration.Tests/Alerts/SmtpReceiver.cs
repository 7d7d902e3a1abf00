using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer package) that keeps every message it accepts.</summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    private SmtpReceiver(int port) => Port = port;

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Messages whose text mentions <paramref name="text"/>, sent to <paramref name="to"/> when given.</summary>
    public IReadOnlyList<MimeMessage> Mentioning(string text, string? to = null) =>
        [.. Messages.Where(m => (m.TextBody ?? "").Contains(text, StringComparison.Ordinal) || (m.Subject ?? "").Contains(text, StringComparison.Ordinal))
            .Where(m => to is null || m.To.Mailboxes.Any(b => b.Address == to))];

    public static async Task<SmtpReceiver> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var receiver = new SmtpReceiver(port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new ServiceProvider();
        services.Add(new CapturingStore(receiver.Messages));
        services.Add(listeners);
        receiver._server = new SmtpServer.SmtpServer(options, services);
        receiver._running = receiver._server.StartAsync(receiver._stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server?.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class CapturingStore(ConcurrentQueue<MimeMessage> sink) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }
}
