using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Writing;

/// <summary>
/// The grains' door to the warehouse: rows are queued in a bounded buffer and written in batches in the background,
/// so a grain call never waits on the warehouse. A row, once accepted, is either written or dead-lettered (counted
/// in <see cref="WarehouseWriterStats.RowsFailed"/> and kept on disk); it is never dropped silently.
/// </summary>
public interface IWarehouseWriter
{
    /// <summary>
    /// Queues a row without waiting. Returns false when the buffer is full (back-pressure: the warehouse is behind)
    /// or the writer is stopping; the row is then not accepted and the caller decides (count, retry later, drop).
    /// </summary>
    bool TryEnqueue(IWarehouseRow row);

    /// <summary>
    /// Queues a row, waiting for buffer space while it is full. Throws <see cref="InvalidOperationException"/> when the
    /// writer is stopping and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires
    /// first (the row is then not accepted). Use from batch jobs and imports, not from grain calls.
    /// </summary>
    ValueTask EnqueueAsync(IWarehouseRow row, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a row and waits until it is written (true) or dead-lettered (false), for callers that owe the row and
    /// must know it arrived (a violation episode's grain). A batch holding such a row is written as soon as the rows
    /// queued before it are, without waiting for <c>FlushInterval</c>: under load the rows that arrive meanwhile share
    /// the next batch. Throws as <see cref="EnqueueAsync"/> does; cancelling stops the wait, not the write.
    /// </summary>
    Task<bool> WriteAsync(IWarehouseRow row, CancellationToken cancellationToken = default);

    /// <summary>Completes once every row accepted before the call has been written or dead-lettered.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>A snapshot of the writer's counters.</summary>
    WarehouseWriterStats Stats { get; }
}
