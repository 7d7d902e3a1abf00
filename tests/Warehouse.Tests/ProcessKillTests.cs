using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;

namespace VibeCheck.Warehouse.Tests;

public sealed class ProcessKillTests
{
    [Fact]
    public async Task Killing_the_process_between_batches_loses_at_most_the_unflushed_batch_and_it_is_reported()
    {
        using var directory = new TempDirectory();
        const int batchSize = 100;
        const int fullBatches = 3;
        const int extraRows = 37;
        var host = typeof(ProcessKillTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashHostPath").Value!;
        Assert.True(File.Exists(host), $"crash host not built at {host}");
        var start = new ProcessStartInfo("dotnet", [host, directory.Path, $"{batchSize}", $"{fullBatches}", $"{extraRows}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var report = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.Equal($"accepted={batchSize * fullBatches + extraRows} written={batchSize * fullBatches} pending={extraRows}", report);
        using var reopened = new DuckDbWarehouseSink(
            Options.Create(new WarehouseOptions { DataDirectory = directory.Path }), NullLogger<DuckDbWarehouseSink>.Instance);
        var count = await reopened.QueryAsync("SELECT COUNT(*) FROM vibecheck_analytics.realtime_violations", CancellationToken.None);
        var lost = (batchSize * fullBatches) + extraRows - Convert.ToInt64(count.Rows[0][0]);
        Assert.Equal(batchSize * fullBatches, Convert.ToInt64(count.Rows[0][0]));
        Assert.Equal(extraRows, lost);
        Assert.True(lost < batchSize);
    }
}
