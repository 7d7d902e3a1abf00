namespace VibeCheck.Warehouse.Writing;

/// <summary>Counters of the <see cref="WarehouseWriter"/>, for metrics and health.</summary>
/// <param name="QueueDepth">Rows accepted and not yet taken into a batch.</param>
/// <param name="RowsAccepted">Rows accepted since start.</param>
/// <param name="RowsRejected">Rows refused by <see cref="IWarehouseWriter.TryEnqueue"/> (buffer full or stopping).</param>
/// <param name="RowsWritten">Rows the sink confirmed.</param>
/// <param name="RowsFailed">Rows given up on after retries and dead-lettered.</param>
/// <param name="FailedFlushAttempts">Flush attempts that threw (including ones later retried successfully).</param>
/// <param name="LastError">Message of the last flush error, if any.</param>
/// <param name="LastErrorAt">When it happened.</param>
/// <param name="LastFlushAt">When a batch was last written.</param>
public sealed record WarehouseWriterStats(
    int QueueDepth,
    long RowsAccepted,
    long RowsRejected,
    long RowsWritten,
    long RowsFailed,
    long FailedFlushAttempts,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastFlushAt)
{
    /// <summary>Rows accepted but neither written nor dead-lettered yet (queued or in the batch being flushed).</summary>
    public long RowsPending => RowsAccepted - RowsWritten - RowsFailed;
}
