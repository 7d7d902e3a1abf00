using System.Threading.Channels;

namespace VibeCheck.Gateway.Live;

/// <summary>
/// Fans camera events out to this gateway's server-sent-event clients. Each client has a small bounded queue: a
/// client that cannot keep up loses its oldest updates rather than slowing the others or growing memory.
/// </summary>
public sealed class LiveEventHub
{
    /// <summary>Connections one gateway serves at once; more are refused with 503.</summary>
    public const int MaxClients = 1000;

    private const int QueuePerClient = 512;
    private readonly Lock _gate = new();
    private readonly HashSet<Channel<LiveMessage>> _clients = [];

    /// <summary>Number of connected clients.</summary>
    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Registers a client; null when <see cref="MaxClients"/> are connected. Dispose the lease to leave.</summary>
    public LiveClientLease? Join()
    {
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(QueuePerClient)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            if (_clients.Count >= MaxClients)
            {
                return null;
            }

            _clients.Add(channel);
        }

        return new LiveClientLease(channel.Reader, () => Leave(channel));
    }

    /// <summary>Queues the message for every connected client.</summary>
    public void Publish(LiveMessage message)
    {
        Channel<LiveMessage>[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
        }

        foreach (var client in clients)
        {
            client.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Ends every current stream (the gateway is stopping): viewers reconnect, to another gateway behind the same
    /// address, instead of holding the shutdown until its timeout. Clients that connect afterwards are served as usual.
    /// </summary>
    public void CloseAll()
    {
        Channel<LiveMessage>[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
        }

        foreach (var client in clients)
        {
            client.Writer.TryComplete();
        }
    }

    private void Leave(Channel<LiveMessage> channel)
    {
        lock (_gate)
        {
            _clients.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}

/// <summary>One connected client's queue of messages; disposing it disconnects the client from the hub.</summary>
public sealed class LiveClientLease(ChannelReader<LiveMessage> reader, Action leave) : IDisposable
{
    public ChannelReader<LiveMessage> Reader { get; } = reader;

    public void Dispose() => leave();
}
