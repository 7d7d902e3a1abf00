using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace VibeCheck.TestSupport;

/// <summary>A real SMTP server on 127.0.0.1 (SmtpServer package) that captures messages and refuses chosen recipients.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    private SmtpTestServer(int port) => Port = port;

    /// <summary>Listening port.</summary>
    public int Port { get; }

    /// <summary>Messages accepted.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Messages whose subject or text mentions <paramref name="text"/>, sent to <paramref name="to"/> when given.</summary>
    public IReadOnlyList<MimeMessage> Mentioning(string text, string? to = null) =>
        [.. Messages.Where(m => (m.TextBody ?? "").Contains(text, StringComparison.Ordinal) || (m.Subject ?? "").Contains(text, StringComparison.Ordinal))
            .Where(m => to is null || m.To.Mailboxes.Any(b => b.Address == to))];

    /// <summary>Starts a server refusing the given recipient addresses with 550.</summary>
    public static async Task<SmtpTestServer> StartAsync(params string[] refusedRecipients)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = new SmtpTestServer(port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new ServiceProvider();
        services.Add(new CapturingStore(result.Messages));
        services.Add(new RefusingFilter(refusedRecipients));
        services.Add(listeners);
        result._server = new SmtpServer.SmtpServer(options, services);
        result._running = result._server.StartAsync(result._stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return result;
    }

    /// <inheritdoc />
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

    private sealed class RefusingFilter(string[] refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.Contains($"{to.User}@{to.Host}", StringComparer.OrdinalIgnoreCase));
    }
}
