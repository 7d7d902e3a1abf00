using Microsoft.Extensions.Options;
using VibeCheck.Warehouse.Configuration;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// Tokens from Google credentials: the service-account key at <see cref="BigQueryOptions.CredentialsPath"/> when set,
/// otherwise application-default credentials (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, gcloud, metadata server).
/// </summary>
public sealed class GoogleAccessTokenSource(IOptions<WarehouseOptions> options) : IBigQueryAccessTokenSource
{
    /// <summary>OAuth scope for BigQuery.</summary>
    public const string Scope = "https://www.googleapis.com/auth/bigquery";

    private readonly GoogleAccessTokens _tokens = new(options.Value.BigQuery.CredentialsPath, Scope);

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _tokens.GetAccessTokenAsync(cancellationToken);
}
