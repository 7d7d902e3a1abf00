using VibeCheck.Warehouse.BigQuery;

namespace VibeCheck.Warehouse.Tests;

public sealed class BigQuerySqlTests
{
    private static readonly ArimaPlusModelSpec Spec = new("vibe-proj-1", "vibecheck_analytics", "activity_model", Horizon: 48, TrainingDays: 14);

    [Fact]
    public void Create_model_sql_names_the_arima_plus_options()
    {
        var sql = BigQuerySql.CreateArimaPlusModel(Spec with { HolidayRegion = "US" });

        Assert.StartsWith("CREATE OR REPLACE MODEL `vibe-proj-1.vibecheck_analytics.activity_model`\nOPTIONS(\n  model_type = 'ARIMA_PLUS',", sql);
        Assert.Contains("time_series_timestamp_col = 'bucket_hour',", sql);
        Assert.Contains("time_series_data_col = 'detections',", sql);
        Assert.Contains("time_series_id_col = 'camera_id',", sql);
        Assert.Contains("horizon = 48,", sql);
        Assert.Contains("holiday_region = 'US'", sql);
        Assert.Contains("FROM `vibe-proj-1.vibecheck_analytics.camera_activity`", sql);
        Assert.Contains("INTERVAL 14 DAY", sql);
    }

    [Fact]
    public void Forecast_sql_calls_ml_forecast_with_horizon_and_confidence()
    {
        var sql = BigQuerySql.Forecast(Spec, 0.95);

        Assert.Contains(
            "FROM ML.FORECAST(MODEL `vibe-proj-1.vibecheck_analytics.activity_model`,\n                 STRUCT(48 AS horizon, 0.95 AS confidence_level))",
            sql);
    }

    [Theory]
    [InlineData("model`; DROP TABLE x; --", "vibecheck_analytics", "vibe-proj-1")]
    [InlineData("activity_model", "vibecheck-analytics", "vibe-proj-1")]
    [InlineData("activity_model", "vibecheck_analytics", "Bad Project")]
    [InlineData("1model", "vibecheck_analytics", "vibe-proj-1")]
    public void Invalid_identifiers_never_reach_the_sql(string model, string dataset, string project)
    {
        var spec = Spec with { ModelName = model, Dataset = dataset, ProjectId = project };

        Assert.Throws<ArgumentException>(() => BigQuerySql.CreateArimaPlusModel(spec));
        Assert.Throws<ArgumentException>(() => BigQuerySql.Forecast(spec));
    }

    [Fact]
    public void Invalid_columns_horizon_and_region_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BigQuerySql.CreateArimaPlusModel(Spec with { DataColumn = "x' OR '1" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BigQuerySql.CreateArimaPlusModel(Spec with { Horizon = 0 }));
        Assert.Throws<ArgumentException>(() => BigQuerySql.CreateArimaPlusModel(Spec with { HolidayRegion = "US'" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BigQuerySql.Forecast(Spec, 1.5));
    }
}
