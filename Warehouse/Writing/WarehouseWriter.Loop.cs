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
                    continue;
                }

                var remaining = deadline - _time.GetUtcNow();
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

        IWarehouseRow[] rows = [.. batch];
        batch.Clear();
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

                return;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                await DeadLetterAsync(rows, rows, "writer stopped before the batch could be written");
                return;
            }
            catch (Exception ex)
            {
                RecordError(ex, attempt, rows.Length);
                var permanent = ex is WarehouseWriteException { IsPermanent: true };
                if (permanent || attempt >= _options.MaxFlushAttempts)
                {
                    var failed = FailedRowsOf(rows, ex);
                    await DeadLetterAsync(rows, failed, $"{(permanent ? "rejected" : $"failed after {attempt} attempts")}: {ex.Message}");
                    return;
                }
            }

            try
            {
                await Task.Delay(delay, _time, _abort.Token);
            }
            catch (OperationCanceledException)
            {
                await DeadLetterAsync(rows, rows, "writer stopped while retrying the batch");
                return;
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

    private async Task DeadLetterAsync(IWarehouseRow[] batch, IReadOnlyList<IWarehouseRow> failed, string reason)
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
