using VibeCheck.Warehouse.Schema;

namespace VibeCheck.Warehouse.Configuration;

/// <summary>BigQuery settings (<c>Warehouse:BigQuery:*</c>).</summary>
public sealed class BigQueryOptions
{
    /// <summary>Default <see cref="BaseUrl"/>.</summary>
    public const string DefaultBaseUrl = "https://bigquery.googleapis.com";

    /// <summary>Google Cloud project id (required for BigQuery).</summary>
    public string? ProjectId { get; set; }

    /// <summary>Dataset holding the tables.</summary>
    public string Dataset { get; set; } = WarehouseSchema.SchemaName;

    /// <summary>Dataset location, e.g. <c>US</c> or <c>europe-west1</c>; null lets BigQuery choose (US).</summary>
    public string? Location { get; set; }

    /// <summary>Service-account JSON key file; null uses application-default credentials.</summary>
    public string? CredentialsPath { get; set; }

    /// <summary>API root; tests point it at a loopback server.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Rows per <c>tabledata.insertAll</c> request (BigQuery recommends at most 500).</summary>
    public int InsertBatchSize { get; set; } = 500;

    /// <summary>Attempts per request on 429/5xx/rate-limit answers and per row on retriable insert errors.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay, doubled for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Name of the BigQuery ML ARIMA_PLUS model used by the optional forecast path.</summary>
    public string ForecastModel { get; set; } = "camera_activity_forecast";
}
