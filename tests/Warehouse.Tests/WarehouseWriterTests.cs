using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Warehouse.Tests;

public sealed class WarehouseWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly RecordingSink _sink = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_full_batch_is_flushed_without_waiting_for_the_interval()
    {
        await using var writer = Writer(o => { o.BatchSize = 10; o.FlushInterval = TimeSpan.FromHours(1); });

        foreach (var row in Samples.Violations(25))
        {
            Assert.True(writer.TryEnqueue(row));
        }

        Assert.Equal(10, (await _sink.NextBatchAsync()).Count);
        Assert.Equal(10, (await _sink.NextBatchAsync()).Count);
        Assert.Equal(25, writer.Stats.RowsAccepted);
    }

    [Fact]
    public async Task A_partial_batch_is_flushed_when_the_interval_passes()
    {
        await using var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromMilliseconds(50); });

        foreach (var row in Samples.Violations(3))
        {
            writer.TryEnqueue(row);
        }

        var batch = await _sink.NextBatchAsync();

        Assert.Equal(["ep-0", "ep-1", "ep-2"], batch.Select(r => r.RowId));
    }

    [Fact]
    public async Task Stopping_flushes_everything_accepted()
    {
        var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromHours(1); });
        foreach (var row in Samples.Violations(7))
        {
            await writer.EnqueueAsync(row);
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(7, _sink.Written.Sum(b => b.Count));
        Assert.Equal(7, writer.Stats.RowsWritten);
        Assert.Equal(0, writer.Stats.RowsPending);
        Assert.False(writer.TryEnqueue(Samples.Violation("late")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.EnqueueAsync(Samples.Violation("late")).AsTask());
    }

    [Fact]
    public async Task FlushAsync_returns_once_earlier_rows_are_written()
    {
        await using var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromHours(1); });
        writer.TryEnqueue(Samples.Violation("a"));
        writer.TryEnqueue(Samples.Violation("b"));

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, writer.Stats.RowsWritten);
        Assert.Equal(["a", "b"], _sink.Written.Single().Select(r => r.RowId));
    }

    [Fact]
    public async Task Failed_flushes_are_retried_and_counted()
    {
        _sink.Failure = (call, _) => call <= 2 ? new IOException($"disk hiccup {call}") : null;
        await using var writer = Writer(o => { o.BatchSize = 5; o.MaxFlushAttempts = 3; });

        foreach (var row in Samples.Violations(5))
        {
            writer.TryEnqueue(row);
        }

        Assert.Equal(5, (await _sink.NextBatchAsync()).Count);
        var stats = writer.Stats;
        Assert.Equal(5, stats.RowsWritten);
        Assert.Equal(2, stats.FailedFlushAttempts);
        Assert.Equal("disk hiccup 2", stats.LastError);
        Assert.Equal(0, stats.RowsFailed);
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_is_dead_lettered_not_dropped()
    {
        _sink.Failure = (_, _) => new IOException("warehouse down");
        var writer = Writer(o => { o.BatchSize = 4; o.MaxFlushAttempts = 2; });
        foreach (var row in Samples.Violations(4))
        {
            writer.TryEnqueue(row);
        }

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(4, writer.Stats.RowsFailed);
        Assert.Equal(0, writer.Stats.RowsPending);
        Assert.Equal(2, _sink.Calls);
        var lines = DeadLetterLines();
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"rowId\":\"ep-3\"", lines[3]);
        Assert.Contains("warehouse down", lines[0]);
    }

    [Fact]
    public async Task Permanently_rejected_rows_are_dead_lettered_alone_and_not_retried()
    {
        _sink.Failure = (call, _) => call == 1 ? new WarehouseWriteException("invalid row", ["ep-1"], isPermanent: true) : null;
        await using var writer = Writer(o => { o.BatchSize = 3; o.MaxFlushAttempts = 5; });
        foreach (var row in Samples.Violations(3))
        {
            writer.TryEnqueue(row);
        }

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, _sink.Calls);
        Assert.Equal(2, writer.Stats.RowsWritten);
        Assert.Equal(1, writer.Stats.RowsFailed);
        Assert.Contains("\"rowId\":\"ep-1\"", Assert.Single(DeadLetterLines()));
    }

    [Fact]
    public async Task A_full_queue_pushes_back_instead_of_growing()
    {
        _sink.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var writer = Writer(o => { o.BatchSize = 1; o.QueueCapacity = 2; o.FlushInterval = TimeSpan.FromHours(1); });
        Assert.True(writer.TryEnqueue(Samples.Violation("first")));
        await _sink.FirstWriteStarted.WaitAsync(TimeSpan.FromSeconds(20));

        var accepted = Enumerable.Range(0, 10).Count(i => writer.TryEnqueue(Samples.Violation($"more-{i}")));
        var waiting = writer.EnqueueAsync(Samples.Violation("waits")).AsTask();

        Assert.Equal(2, accepted);
        Assert.Equal(8, writer.Stats.RowsRejected);
        Assert.Equal(2, writer.Stats.QueueDepth);
        Assert.False(waiting.IsCompleted);

        _sink.Gate.SetResult();
        await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(4, writer.Stats.RowsWritten);
    }

    [Fact]
    public async Task A_stop_that_runs_out_of_time_dead_letters_what_is_left()
    {
        _sink.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Writer(o => { o.BatchSize = 2; o.FlushInterval = TimeSpan.FromHours(1); });
        foreach (var row in Samples.Violations(5))
        {
            writer.TryEnqueue(row);
        }

        await _sink.FirstWriteStarted.WaitAsync(TimeSpan.FromSeconds(20));
        using var expired = new CancellationTokenSource();
        await expired.CancelAsync();
        await writer.StopAsync(expired.Token);

        Assert.Equal(5, writer.Stats.RowsFailed);
        Assert.Equal(0, writer.Stats.RowsPending);
        Assert.Equal(5, DeadLetterLines().Length);
    }

    [Fact]
    public async Task An_awaited_row_is_written_at_once_and_confirmed_without_waiting_for_the_interval()
    {
        await using var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromHours(1); });
        Assert.True(writer.TryEnqueue(Samples.Violation("queued-before")));

        var written = await writer.WriteAsync(Samples.Violation("awaited")).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(written);
        Assert.Equal(["queued-before", "awaited"], Assert.Single(_sink.Written).Select(r => r.RowId));
        // The sink gets the row itself, not the writer's wrapper around it.
        Assert.IsType<VibeCheck.Warehouse.Rows.ViolationRecord>(_sink.Written.Single()[1]);
    }

    [Fact]
    public async Task Awaited_rows_arriving_while_a_batch_is_written_share_the_next_batch()
    {
        _sink.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromHours(1); });
        var first = writer.WriteAsync(Samples.Violation("first"));
        await _sink.FirstWriteStarted.WaitAsync(TimeSpan.FromSeconds(20));

        var rest = Samples.Violations(20).Select(row => writer.WriteAsync(row)).ToList();
        while (writer.Stats.RowsPending < 21)
        {
            await Task.Delay(10);
        }

        _sink.Gate.SetResult();
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.All(await Task.WhenAll(rest).WaitAsync(TimeSpan.FromSeconds(20)), Assert.True);
        Assert.Equal([1, 20], _sink.Written.Select(b => b.Count));
    }

    [Fact]
    public async Task An_awaited_row_that_is_dead_lettered_is_reported_not_written()
    {
        _sink.Failure = (_, rows) => new WarehouseWriteException("row rejected", [.. rows.Where(r => r.RowId == "bad").Select(r => r.RowId)], isPermanent: true);
        await using var writer = Writer(o => { o.BatchSize = 1000; o.FlushInterval = TimeSpan.FromHours(1); });

        var bad = writer.WriteAsync(Samples.Violation("bad"));

        Assert.False(await bad.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("\"rowId\":\"bad\"", Assert.Single(DeadLetterLines()));
    }

    private WarehouseWriter Writer(Action<WarehouseOptions> configure)
    {
        var options = new WarehouseOptions { DataDirectory = _directory.Path, FlushRetryDelay = TimeSpan.FromMilliseconds(1) };
        configure(options);
        var wrapped = Options.Create(options);
        var writer = new WarehouseWriter(_sink, new FileDeadLetterStore(wrapped, TimeProvider.System, NullLogger<FileDeadLetterStore>.Instance),
            wrapped, TimeProvider.System, NullLogger<WarehouseWriter>.Instance);
        writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return writer;
    }

    private string[] DeadLetterLines()
    {
        var directory = Path.Combine(_directory.Path, "warehouse-deadletter");
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.jsonl").Order().SelectMany(File.ReadAllLines).ToArray()
            : [];
    }
}
