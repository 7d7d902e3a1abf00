// Writes violations through a WarehouseWriter into a DuckDB file and reports progress on stdout, then waits with a
// partial batch queued until the parent test kills it. Usage: CrashHost <dataDir> <batchSize> <fullBatches> <extraRows>
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Writing;

var options = Options.Create(new WarehouseOptions
{
    DataDirectory = args[0],
    BatchSize = int.Parse(args[1]),
    FlushInterval = TimeSpan.FromHours(1),
});
var fullBatches = int.Parse(args[2]);
var extraRows = int.Parse(args[3]);
var sink = new DuckDbWarehouseSink(options, NullLogger<DuckDbWarehouseSink>.Instance);
var writer = new WarehouseWriter(sink, new FileDeadLetterStore(options, TimeProvider.System, NullLogger<FileDeadLetterStore>.Instance),
    options, TimeProvider.System, NullLogger<WarehouseWriter>.Instance);
await writer.StartAsync(CancellationToken.None);

var total = options.Value.BatchSize * fullBatches + extraRows;
for (var i = 0; i < total; i++)
{
    await writer.EnqueueAsync(new ViolationRecord($"ep-{i}", "cam-1", "double_parking", null, "high", 0.9,
        DateTimeOffset.UnixEpoch.AddMinutes(i), null, ["h"], "m1"));
    if ((i + 1) % options.Value.BatchSize == 0)
    {
        // Let the full batch land so the parent sees a deterministic split.
        await writer.FlushAsync();
    }
}

var stats = writer.Stats;
Console.WriteLine($"accepted={stats.RowsAccepted} written={stats.RowsWritten} pending={stats.RowsPending}");
Console.Out.Flush();
await Task.Delay(Timeout.Infinite);
