using Microsoft.Extensions.Logging.Abstractions;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;

namespace VibeCheck.Warehouse.Tests;

/// <summary>A DuckDB sink over a fresh file.</summary>
internal sealed class DuckDbFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public DuckDbFixture(Action<WarehouseOptions>? configure = null)
    {
        Options = new WarehouseOptions { DataDirectory = _directory.Path };
        configure?.Invoke(Options);
        Sink = new DuckDbWarehouseSink(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DuckDbWarehouseSink>.Instance);
    }

    public WarehouseOptions Options { get; }

    public DuckDbWarehouseSink Sink { get; }

    public string DataDirectory => _directory.Path;

    public async Task<long> CountAsync(string table)
    {
        var result = await Sink.QueryAsync($"SELECT count(*) FROM vibecheck_analytics.{table}", CancellationToken.None);
        return Convert.ToInt64(result.Rows[0][0]);
    }

    public void Dispose()
    {
        Sink.Dispose();
        _directory.Dispose();
    }
}
