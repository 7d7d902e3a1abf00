using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Writing;

/// <summary>
/// Batches rows into the <see cref="IWarehouseSink"/> from a bounded in-memory queue: a batch is flushed when it
/// reaches <see cref="WarehouseOptions.BatchSize"/> rows or <see cref="WarehouseOptions.FlushInterval"/> after its first
/// row, retried with exponential backoff up to <see cref="WarehouseOptions.MaxFlushAttempts"/>, and dead-lettered
/// (kept on disk, counted, logged) if it still fails. On stop it flushes everything queued; if the host's stop
/// timeout fires first, what is left is dead-lettered rather than lost.
/// </summary>
public sealed partial class WarehouseWriter : IHostedService, IWarehouseWriter, IAsyncDisposable
{
    private readonly IWarehouseSink _sink;
    private readonly IWarehouseDeadLetterStore _deadLetters;
    private readonly WarehouseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WarehouseWriter> _logger;
    private readonly Channel<IWarehouseRow> _queue;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _statsLock = new();
    private Task? _loop;
    private long _accepted;
    private long _rejected;
    private long _written;
    private long _failed;
    private long _failedAttempts;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _lastFlushAt;

    /// <summary>Creates the writer; it starts consuming on <see cref="StartAsync"/>.</summary>
    public WarehouseWriter(
        IWarehouseSink sink,
        IWarehouseDeadLetterStore deadLetters,
        IOptions<WarehouseOptions> options,
        TimeProvider time,
        ILogger<WarehouseWriter> logger)
    {
        _sink = sink;
        _deadLetters = deadLetters;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<IWarehouseRow>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <inheritdoc />
    public WarehouseWriterStats Stats
    {
        get
        {
            lock (_statsLock)
            {
                return new WarehouseWriterStats(
                    _queue.Reader.Count,
                    Interlocked.Read(ref _accepted),
                    Interlocked.Read(ref _rejected),
                    Interlocked.Read(ref _written),
                    Interlocked.Read(ref _failed),
                    Interlocked.Read(ref _failedAttempts),
                    _lastError,
                    _lastErrorAt,
                    _lastFlushAt);
            }
        }
    }

    /// <inheritdoc />
    public bool TryEnqueue(IWarehouseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_queue.Writer.TryWrite(row))
        {
            Interlocked.Increment(ref _accepted);
            return true;
        }

        Interlocked.Increment(ref _rejected);
        return false;
    }

    /// <inheritdoc />
    public async ValueTask EnqueueAsync(IWarehouseRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            await _queue.Writer.WriteAsync(row, cancellationToken);
            Interlocked.Increment(ref _accepted);
        }
        catch (ChannelClosedException ex)
        {
            Interlocked.Increment(ref _rejected);
            throw new InvalidOperationException("The warehouse writer is stopping; the row was not accepted.", ex);
        }
    }

    /// <inheritdoc />
    public async Task<bool> WriteAsync(IWarehouseRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var awaited = new AwaitedRow(row);
        await EnqueueAsync(awaited, cancellationToken);
        return await awaited.Written.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var marker = new FlushMarker();
        try
        {
            await _queue.Writer.WriteAsync(marker, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopping: the loop drains everything accepted before it ends.
            if (_loop is not null)
            {
                await _loop.WaitAsync(cancellationToken);
            }

            return;
        }

        await marker.Done.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is null)
        {
            return;
        }

        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time: stop retrying; the loop dead-letters what is left instead of writing it.
            await _abort.CancelAsync();
            await _loop;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _abort.Dispose();
    }

    /// <summary>A row whose caller waits for it (<see cref="WriteAsync"/>); the sink sees the row inside.</summary>
    private sealed class AwaitedRow(IWarehouseRow row) : IWarehouseRow
    {
        private readonly TaskCompletionSource<bool> _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IWarehouseRow Row => row;

        public string RowId => row.RowId;

        public WarehouseTable Table => row.Table;

        public Task<bool> Written => _written.Task;

        public void Complete(bool written) => _written.TrySetResult(written);
    }

    private sealed class FlushMarker : IWarehouseRow
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string RowId => string.Empty;

        public WarehouseTable Table => default;

        public Task Done => _done.Task;

        public void Complete() => _done.TrySetResult();
    }
}
