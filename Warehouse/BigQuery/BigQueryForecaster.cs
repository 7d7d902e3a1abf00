using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// The optional BigQuery ML forecast path: trains an ARIMA_PLUS model per camera on <c>camera_activity</c> and reads
/// its <c>ML.FORECAST</c>. Registered only with the BigQuery provider.
/// </summary>
public sealed class BigQueryForecaster(BigQueryClient client, IOptions<WarehouseOptions> options)
{
    private readonly WarehouseOptions _options = options.Value;

    /// <summary>The model spec from configuration with the given horizon.</summary>
    public ArimaPlusModelSpec Spec(int horizon) => new(client.ProjectId, client.Dataset, _options.BigQuery.ForecastModel, horizon);

    /// <summary>Creates or replaces the model (a BigQuery job that can take minutes).</summary>
    public Task TrainAsync(int horizon, CancellationToken cancellationToken) =>
        client.QueryAsync(BigQuerySql.CreateArimaPlusModel(Spec(horizon)), [], 1, TimeSpan.FromMinutes(30), cancellationToken);

    /// <summary>Forecast rows: camera_id, forecast_timestamp, forecast_value, interval bounds.</summary>
    public Task<WarehouseQueryResult> ForecastAsync(int horizon, double confidenceLevel, CancellationToken cancellationToken) =>
        client.QueryAsync(BigQuerySql.Forecast(Spec(horizon), confidenceLevel), [], _options.MaxQueryRows, _options.QueryTimeout, cancellationToken);
}
