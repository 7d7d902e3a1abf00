using System.Collections.Concurrent;
using System.Threading.Channels;
using VibeCheck.Warehouse.Querying;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Tests;

/// <summary>A sink that records batches, can fail on demand, and can be held closed to build up back-pressure.</summary>
internal sealed class RecordingSink : IWarehouseSink
{
    private readonly Channel<IReadOnlyList<IWarehouseRow>> _batches = Channel.CreateUnbounded<IReadOnlyList<IWarehouseRow>>();
    private readonly TaskCompletionSource _firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<IReadOnlyList<IWarehouseRow>> Written { get; } = new();

    /// <summary>Decides per call (1-based) whether to throw instead of writing.</summary>
    public Func<int, IReadOnlyList<IWarehouseRow>, Exception?> Failure { get; set; } = (_, _) => null;

    /// <summary>When set, writes wait for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Calls;

    public string Provider => "Recording";

    public Task FirstWriteStarted => _firstWriteStarted.Task;

    public async Task WriteAsync(IReadOnlyList<IWarehouseRow> rows, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref Calls);
        _firstWriteStarted.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure(call, rows) is { } error)
        {
            throw error;
        }

        Written.Enqueue(rows);
        await _batches.Writer.WriteAsync(rows, cancellationToken);
    }

    /// <summary>The next successfully written batch (fails the test after 20 s instead of hanging).</summary>
    public async Task<IReadOnlyList<IWarehouseRow>> NextBatchAsync() =>
        await _batches.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public Task<WarehouseQueryResult> QueryAsync(string sql, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ViolationSummaryRow>> SummarizeViolationsAsync(
        DateTimeOffset from, DateTimeOffset to, ViolationGrouping groupBy, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CameraTypeViolationRow>> SummarizeViolationsByCameraAndTypeAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<WarehouseHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new WarehouseHealth(true, Provider, "ok"));
}
