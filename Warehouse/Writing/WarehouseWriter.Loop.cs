using Microsoft.Extensions.Logging;
using VibeCheck.Warehouse.Rows;

namespace VibeCheck.Warehouse.Writing;

/// <summary>The consuming loop: batching, flushing, retrying and dead-lettering.</summary>
public sealed partial class WarehouseWriter
{
    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<IWarehouseRow>(_options.BatchSize);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var deadline = _time.GetUtcNow() + _options.FlushInterval;
            var awaited = false;
            while (batch.Count < _options.BatchSize)
            {
                if (reader.TryRead(out var item))
                {
                    if (item is FlushMarker marker)
                    {
                        await FlushBatchAsync(batch);
                        marker.Complete();
                        break;
                    }

                    batch.Add(item);
                    awaited |= item is AwaitedRow;
                    continue;
                }

                // Someone waits for a row of this batch: write what is here now (group commit) instead of at the deadline.
                var remaining = awaited ? TimeSpan.Zero : deadline - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero || !await WaitForRowsAsync(remaining))
                {
                    break;
                }
            }

            await FlushBatchAsync(batch);
        }
    }

    /// <summary>True when rows are available, false when <paramref name="timeout"/> passed or the queue completed.</summary>
    private async Task<bool> WaitForRowsAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        try
        {
            return await _queue.Reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task FlushBatchAsync(List<IWarehouseRow> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        IWarehouseRow[] queued = [.. batch];
        batch.Clear();
        var rows = queued.Select(r => r is AwaitedRow awaited ? awaited.Row : r).ToArray();
        var failed = await WriteOrDeadLetterAsync(rows);
        foreach (var awaited in queued.OfType<AwaitedRow>())
        {
            awaited.Complete(!failed.Contains(awaited.Row));
        }
    }

    /// <summary>Writes the batch, retrying; returns the rows dead-lettered instead (none when it was written).</summary>
    private async Task<IReadOnlyList<IWarehouseRow>> WriteOrDeadLetterAsync(IWarehouseRow[] rows)
    {
        var delay = _options.FlushRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _abort.Token.ThrowIfCancellationRequested();
                await _sink.WriteAsync(rows, _abort.Token);
                Interlocked.Add(ref _written, rows.Length);
                lock (_statsLock)
                {
                    _lastFlushAt = _time.GetUtcNow();
                }

                return [];
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return await DeadLetterAsync(rows, rows, "writer stopped before the batch could be written");
            }
            catch (Exception ex)
            {
                RecordError(ex, attempt, rows.Length);
                var permanent = ex is WarehouseWriteException { IsPermanent: true };
                if (permanent || attempt >= _options.MaxFlushAttempts)
                {
                    return await DeadLetterAsync(rows, FailedRowsOf(rows, ex), $"{(permanent ? "rejected" : $"failed after {attempt} attempts")}: {ex.Message}");
                }
            }

            try
            {
                await Task.Delay(delay, _time, _abort.Token);
            }
            catch (OperationCanceledException)
            {
                return await DeadLetterAsync(rows, rows, "writer stopped while retrying the batch");
            }

            delay += delay;
        }
    }

    private static IReadOnlyList<IWarehouseRow> FailedRowsOf(IWarehouseRow[] rows, Exception ex)
    {
        if (ex is WarehouseWriteException { FailedRowIds.Count: > 0 } w)
        {
            var ids = w.FailedRowIds.ToHashSet(StringComparer.Ordinal);
            return rows.Where(r => ids.Contains(r.RowId)).ToArray();
        }

        return rows;
    }

    private async Task<IReadOnlyList<IWarehouseRow>> DeadLetterAsync(IWarehouseRow[] batch, IReadOnlyList<IWarehouseRow> failed, string reason)
    {
        Interlocked.Add(ref _written, batch.Length - failed.Count);
        Interlocked.Add(ref _failed, failed.Count);
        try
        {
            await _deadLetters.StoreAsync(failed, reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "Warehouse: {Count} rows lost, dead-letter store failed ({Reason})", failed.Count, reason);
        }

        return failed;
    }

    private void RecordError(Exception ex, int attempt, int rows)
    {
        Interlocked.Increment(ref _failedAttempts);
        lock (_statsLock)
        {
            _lastError = ex.Message;
            _lastErrorAt = _time.GetUtcNow();
        }

        _logger.LogWarning(ex, "Warehouse flush of {Rows} rows failed (attempt {Attempt} of {Max})", rows, attempt, _options.MaxFlushAttempts);
    }
}
