// Rows per second into DuckDB: through the WarehouseWriter (queue → batches → staging appender → INSERT OR REPLACE)
// and, as baselines in the same run, the sink called directly with whole batches and a raw DuckDB appender into a
// plain table. Median of several runs. Usage: dotnet run -c Release --project bench/Warehouse -- [rows] [runs] [batch]
using System.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Rows;
using VibeCheck.Warehouse.Writing;

var rows = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 5;
var batchSize = args.Length > 2 ? int.Parse(args[2]) : 1000;
var t0 = new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);
var data = Enumerable.Range(0, rows).Select(i => new ViolationRecord($"ep-{i}", $"cam-{i % 200}", i % 3 == 0 ? "double_parking" : "bike_lane_blocked",
    "zone-a", "high", 0.5 + (i % 50) / 100.0, t0.AddSeconds(i), t0.AddSeconds(i + 30), ["h1", "h2"], "yolo-1.2", "Brooklyn")).ToArray();

Console.WriteLine($"rows={rows} runs={runs} batch={batchSize} cores={Environment.ProcessorCount}");
Report("writer (TryEnqueue → WarehouseWriter → DuckDbWarehouseSink)", Measure(WriterRun));
Report("sink.WriteAsync, whole batches, no writer", Measure(SinkRun));
Report("raw DuckDB appender into a plain table (baseline)", Measure(RawAppenderRun));

double[] Measure(Func<string, Task<TimeSpan>> run) => Enumerable.Range(0, runs + 1).Select(i =>
{
    var directory = Directory.CreateTempSubdirectory("vibecheck-bench-").FullName;
    try
    {
        return run(directory).GetAwaiter().GetResult().TotalSeconds;
    }
    finally
    {
        Directory.Delete(directory, true);
    }
}).Skip(1).ToArray(); // the first run warms up the JIT and DuckDB

void Report(string name, double[] seconds)
{
    var rates = seconds.Select(s => rows / s).Order().ToArray();
    Console.WriteLine($"{name}: median {rates[rates.Length / 2]:N0} rows/s (min {rates[0]:N0}, max {rates[^1]:N0})");
}

IOptions<WarehouseOptions> OptionsFor(string directory) => Options.Create(new WarehouseOptions
{
    DataDirectory = directory,
    BatchSize = batchSize,
    QueueCapacity = Math.Max(rows, batchSize),
    FlushInterval = TimeSpan.FromMilliseconds(200),
});

async Task<TimeSpan> WriterRun(string directory)
{
    var options = OptionsFor(directory);
    using var sink = new DuckDbWarehouseSink(options, NullLogger<DuckDbWarehouseSink>.Instance);
    await sink.CheckHealthAsync(CancellationToken.None); // create and migrate the file outside the timing
    var writer = new WarehouseWriter(sink, new FileDeadLetterStore(options, TimeProvider.System, NullLogger<FileDeadLetterStore>.Instance),
        options, TimeProvider.System, NullLogger<WarehouseWriter>.Instance);
    await writer.StartAsync(CancellationToken.None);
    var watch = Stopwatch.StartNew();
    foreach (var row in data)
    {
        if (!writer.TryEnqueue(row))
        {
            await writer.EnqueueAsync(row);
        }
    }

    await writer.FlushAsync();
    watch.Stop();
    await writer.StopAsync(CancellationToken.None);
    Check(writer.Stats.RowsWritten == rows, $"writer wrote {writer.Stats.RowsWritten}");
    return watch.Elapsed;
}

async Task<TimeSpan> SinkRun(string directory)
{
    using var sink = new DuckDbWarehouseSink(OptionsFor(directory), NullLogger<DuckDbWarehouseSink>.Instance);
    await sink.CheckHealthAsync(CancellationToken.None);
    var watch = Stopwatch.StartNew();
    foreach (var chunk in data.Chunk(batchSize))
    {
        await sink.WriteAsync(chunk, CancellationToken.None);
    }

    watch.Stop();
    return watch.Elapsed;
}

Task<TimeSpan> RawAppenderRun(string directory)
{
    using var connection = new DuckDBConnection($"Data Source={Path.Combine(directory, "raw.duckdb")}");
    connection.Open();
    using (var create = connection.CreateCommand())
    {
        create.CommandText = """
            CREATE TABLE v (episode_id VARCHAR, camera_id VARCHAR, violation_type VARCHAR, zone VARCHAR, tier VARCHAR,
                            confidence DOUBLE, started_at TIMESTAMP, ended_at TIMESTAMP, frame_hashes VARCHAR[], model_version VARCHAR, borough VARCHAR)
            """;
        create.ExecuteNonQuery();
    }

    var watch = Stopwatch.StartNew();
    foreach (var chunk in data.Chunk(batchSize))
    {
        using var appender = connection.CreateAppender("v");
        foreach (var v in chunk)
        {
            appender.CreateRow().AppendValue(v.EpisodeId).AppendValue(v.CameraId).AppendValue(v.ViolationType).AppendValue(v.Zone)
                .AppendValue(v.Tier).AppendValue(v.Confidence).AppendValue(v.StartedAt.UtcDateTime).AppendValue(v.EndedAt?.UtcDateTime)
                .AppendValue(v.FrameHashes).AppendValue(v.ModelVersion).AppendValue(v.Borough).EndRow();
        }
    }

    watch.Stop();
    return Task.FromResult(watch.Elapsed);
}

static void Check(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException(message);
    }
}
