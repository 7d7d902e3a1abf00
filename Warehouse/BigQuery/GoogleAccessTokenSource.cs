using Google.Apis.Auth.OAuth2;
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

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ITokenAccess? _credential;

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var credential = _credential ?? await CreateAsync(cancellationToken);
        return await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
    }

    private async Task<ITokenAccess> CreateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_credential is not null)
            {
                return _credential;
            }

            var path = options.Value.BigQuery.CredentialsPath;
            GoogleCredential credential = string.IsNullOrEmpty(path)
                ? await GoogleCredential.GetApplicationDefaultAsync(cancellationToken)
                : (await CredentialFactory.FromFileAsync<ServiceAccountCredential>(path, cancellationToken)).ToGoogleCredential();
            _credential = credential.CreateScoped(Scope);
            return _credential;
        }
        finally
        {
            _gate.Release();
        }
    }
}
