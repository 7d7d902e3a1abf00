using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.BigQuery;

namespace VibeCheck.Warehouse.Configuration;

/// <summary>Checks <see cref="WarehouseOptions"/> at start so a bad configuration fails the host, not the first flush.</summary>
public sealed class WarehouseOptionsValidator : IValidateOptions<WarehouseOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WarehouseOptions options)
    {
        var failures = new List<string>();
        if (options.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add("Warehouse:FlushInterval must be positive.");
        }

        if (options.QueryTimeout <= TimeSpan.Zero)
        {
            failures.Add("Warehouse:QueryTimeout must be positive.");
        }

        if (options.FlushRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Warehouse:FlushRetryDelay must not be negative.");
        }

        if (!IsPathPart(options.DataDirectory))
        {
            failures.Add("Warehouse:DataDirectory must be a directory path without NUL characters.");
        }

        if (!IsPathPart(options.DuckDbFileName) || options.DuckDbFileName.IndexOfAny(['/', '\\']) >= 0)
        {
            failures.Add("Warehouse:DuckDbFileName must be a file name without directories or NUL characters.");
        }

        if (options.QueueCapacity < options.BatchSize)
        {
            failures.Add("Warehouse:QueueCapacity must be at least Warehouse:BatchSize.");
        }

        if (options.Provider == WarehouseProvider.BigQuery)
        {
            ValidateBigQuery(options.BigQuery, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPathPart(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOfAny(Path.GetInvalidPathChars()) < 0 && !value.Contains('\0', StringComparison.Ordinal);

    private static void ValidateBigQuery(BigQueryOptions bq, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(bq.ProjectId) || !BigQueryIdentifiers.IsProjectId(bq.ProjectId))
        {
            failures.Add("Warehouse:BigQuery:ProjectId must be a Google Cloud project id.");
        }

        if (!BigQueryIdentifiers.IsName(bq.Dataset))
        {
            failures.Add("Warehouse:BigQuery:Dataset must be letters, digits and underscores.");
        }

        if (!BigQueryIdentifiers.IsName(bq.ForecastModel))
        {
            failures.Add("Warehouse:BigQuery:ForecastModel must be letters, digits and underscores.");
        }

        if (!Uri.TryCreate(bq.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Warehouse:BigQuery:BaseUrl must be an absolute http(s) URL.");
        }

        if (bq.CredentialsPath is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add($"Warehouse:BigQuery:CredentialsPath '{path}' does not exist.");
        }

        if (bq.InsertBatchSize is < 1 or > 10_000)
        {
            failures.Add("Warehouse:BigQuery:InsertBatchSize must be in 1..10000.");
        }

        if (bq.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Warehouse:BigQuery:MaxAttempts must be in 1..20.");
        }

        if (bq.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("Warehouse:BigQuery:RetryBaseDelay must not be negative.");
        }
    }
}
