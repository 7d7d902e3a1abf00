using System.Globalization;
using VibeCheck.Warehouse.Querying;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>SQL generated for BigQuery: summaries and the optional BigQuery ML forecast path.</summary>
public static class BigQuerySql
{
    /// <summary>Violations started in [@from, @to) grouped by <paramref name="groupBy"/>: columns key, violations, average_confidence.</summary>
    public static string ViolationSummary(string projectId, string dataset, ViolationGrouping groupBy)
    {
        var key = groupBy switch
        {
            ViolationGrouping.Camera => "camera_id",
            ViolationGrouping.Type => "violation_type",
            ViolationGrouping.Hour => "FORMAT_TIMESTAMP('%Y-%m-%dT%H:00:00Z', TIMESTAMP_TRUNC(started_at, HOUR))",
            ViolationGrouping.Borough => "IFNULL(borough, 'unknown')",
            ViolationGrouping.Day => "FORMAT_TIMESTAMP('%Y-%m-%dT00:00:00Z', TIMESTAMP_TRUNC(started_at, DAY, 'UTC'))",
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, null),
        };
        return $"""
            SELECT {key} AS key, COUNT(*) AS violations, AVG(confidence) AS average_confidence
            FROM {Table(projectId, dataset, "realtime_violations")}
            WHERE started_at >= @from AND started_at < @to
            GROUP BY key ORDER BY key
            """;
    }

    /// <summary>Violations started in [@from, @to) per camera and type: columns camera_id, violation_type, violations, average_confidence.</summary>
    public static string ViolationsByCameraAndType(string projectId, string dataset) => $"""
        SELECT camera_id, violation_type, COUNT(*) AS violations, AVG(confidence) AS average_confidence
        FROM {Table(projectId, dataset, "realtime_violations")}
        WHERE started_at >= @from AND started_at < @to
        GROUP BY camera_id, violation_type ORDER BY camera_id, violation_type
        """;

    /// <summary><c>CREATE OR REPLACE MODEL ... OPTIONS(model_type='ARIMA_PLUS', ...)</c> trained on hourly detections per camera.</summary>
    public static string CreateArimaPlusModel(ArimaPlusModelSpec spec)
    {
        var ts = BigQueryIdentifiers.Name(spec.TimestampColumn, "column");
        var data = BigQueryIdentifiers.Name(spec.DataColumn, "column");
        var id = BigQueryIdentifiers.Name(spec.IdColumn, "column");
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Horizon, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Horizon, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.TrainingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.TrainingDays, 3650);
        var holiday = spec.HolidayRegion is null
            ? string.Empty
            : $",\n  holiday_region = '{(IsRegion(spec.HolidayRegion) ? spec.HolidayRegion : throw new ArgumentException($"'{spec.HolidayRegion}' is not a holiday region.", nameof(spec)))}'";
        var invariant = CultureInfo.InvariantCulture;
        return $"""
            CREATE OR REPLACE MODEL {Model(spec)}
            OPTIONS(
              model_type = 'ARIMA_PLUS',
              time_series_timestamp_col = '{ts}',
              time_series_data_col = '{data}',
              time_series_id_col = '{id}',
              horizon = {spec.Horizon.ToString(invariant)},
              data_frequency = 'HOURLY',
              auto_arima = TRUE{holiday}
            ) AS
            SELECT
              camera_id AS {id},
              TIMESTAMP_TRUNC(bucket_start, HOUR) AS {ts},
              SUM((SELECT IFNULL(SUM(c.count), 0) FROM UNNEST(counts_by_class) AS c)) AS {data}
            FROM {Table(spec.ProjectId, spec.Dataset, "camera_activity")}
            WHERE bucket_start >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL {spec.TrainingDays.ToString(invariant)} DAY)
            GROUP BY 1, 2
            """;
    }

    /// <summary><c>ML.FORECAST</c> of the model: one row per camera and forecast hour with prediction intervals.</summary>
    public static string Forecast(ArimaPlusModelSpec spec, double confidenceLevel = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(confidenceLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidenceLevel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Horizon, 1);
        var invariant = CultureInfo.InvariantCulture;
        return $"""
            SELECT {BigQueryIdentifiers.Name(spec.IdColumn, "column")} AS camera_id, forecast_timestamp, forecast_value,
                   prediction_interval_lower_bound, prediction_interval_upper_bound
            FROM ML.FORECAST(MODEL {Model(spec)},
                             STRUCT({spec.Horizon.ToString(invariant)} AS horizon, {confidenceLevel.ToString("0.###", invariant)} AS confidence_level))
            ORDER BY camera_id, forecast_timestamp
            """;
    }

    private static string Model(ArimaPlusModelSpec spec) =>
        Table(spec.ProjectId, spec.Dataset, BigQueryIdentifiers.Name(spec.ModelName, "model"));

    private static string Table(string projectId, string dataset, string name)
    {
        if (!BigQueryIdentifiers.IsProjectId(projectId))
        {
            throw new ArgumentException($"'{projectId}' is not a valid project id.", nameof(projectId));
        }

        return $"`{projectId}.{BigQueryIdentifiers.Name(dataset, "dataset")}.{BigQueryIdentifiers.Name(name, "table")}`";
    }

    private static bool IsRegion(string value) => value.Length is >= 2 and <= 6 && value.All(char.IsAsciiLetterUpper);
}
