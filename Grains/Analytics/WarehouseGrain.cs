using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using VibeCheck.Grains.Interfaces.Analytics;
using VibeCheck.Warehouse;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Grains.Analytics;

/// <summary>
/// The cluster's warehouse door. With DuckDB the activation opens its own <see cref="DuckDbWarehouseSink"/> on the
/// database file and closes it on deactivation, so the file is open in one place at a time whichever silo hosts it.
/// With BigQuery it uses the silo's sink for queries only (silos stream rows to BigQuery themselves).
/// Reentrant: the sink serialises writes itself and reads run on their own connections.
/// </summary>
[Reentrant]
public sealed class WarehouseGrain(IServiceProvider services, IOptions<WarehouseOptions> options, ILogger<WarehouseGrain> logger)
    : Grain, IWarehouseGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IWarehouseSink? _sink;
    private DuckDbWarehouseSink? _owned;

    private IWarehouseSink Sink => _sink ?? throw new InvalidOperationException("The warehouse grain is not active.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == WarehouseProvider.DuckDb)
        {
            _owned = ActivatorUtilities.CreateInstance<DuckDbWarehouseSink>(services);
            _sink = _owned;
        }
        else
        {
            _sink = services.GetRequiredService<IWarehouseSink>();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Warehouse grain deactivating ({Reason}); closing the {Provider} sink", reason, Sink.Provider);
        _owned?.Dispose();
        _owned = null;
        return Task.CompletedTask;
    }

    public Task Write(AnalyticsRowBatch batch) =>
        Sink.WriteAsync(batch.Rows.Select(WarehouseRowCodec.FromEnvelope).ToArray(), CancellationToken.None);

    public async Task<AnalyticsQueryOutcome> Query(string sql)
    {
        try
        {
            var result = await Sink.QueryAsync(sql, CancellationToken.None);
            return new AnalyticsQueryOutcome(AnalyticsQueryStatus.Ok, null, [.. result.Columns], [.. result.ColumnTypes],
                JsonSerializer.Serialize(result.Rows, Json), result.Truncated);
        }
        catch (WarehouseQueryRejectedException ex)
        {
            return AnalyticsQueryOutcome.Failed(AnalyticsQueryStatus.Rejected, ex.Reason);
        }
        catch (DuckDBException ex)
        {
            // Parsed as one SELECT but failed to bind or run: unknown table or column, a file or network read refused
            // by the locked-down database, a type error.
            return AnalyticsQueryOutcome.Failed(AnalyticsQueryStatus.Rejected, ex.Message);
        }
        catch (TimeoutException ex)
        {
            return AnalyticsQueryOutcome.Failed(AnalyticsQueryStatus.TimedOut, ex.Message);
        }
    }

    public async Task<IReadOnlyList<ViolationSummary>> SummarizeViolations(DateTimeOffset from, DateTimeOffset to, AnalyticsGrouping groupBy)
    {
        var grouping = Enum.Parse<ViolationGrouping>(groupBy.ToString());
        var rows = await Sink.SummarizeViolationsAsync(from, to, grouping, CancellationToken.None);
        return rows.Select(r => new ViolationSummary(r.Key, r.Violations, r.AverageConfidence)).ToArray();
    }

    public async Task<IReadOnlyList<CameraTypeViolationSummary>> SummarizeViolationsByCameraAndType(DateTimeOffset from, DateTimeOffset to)
    {
        var rows = await Sink.SummarizeViolationsByCameraAndTypeAsync(from, to, CancellationToken.None);
        return rows.Select(r => new CameraTypeViolationSummary(r.Camera, r.Type, r.Violations, r.AverageConfidence)).ToArray();
    }

    public async Task<AnalyticsHealth> CheckHealth()
    {
        var health = await Sink.CheckHealthAsync(CancellationToken.None);
        return new AnalyticsHealth(health.Healthy, health.Provider, health.Detail);
    }
}
