using Google.Apis.Auth.OAuth2;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>
/// OAuth2 access tokens for one scope from Google credentials: the service-account key at
/// <paramref name="credentialsPath"/> when set, otherwise application-default credentials
/// (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, gcloud, metadata server). Shared by the BigQuery and Pub/Sub clients.
/// </summary>
public sealed class GoogleAccessTokens(string? credentialsPath, string scope)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ITokenAccess? _credential;

    /// <summary>A currently valid access token; Google.Apis.Auth refreshes it before it expires.</summary>
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

            GoogleCredential credential = string.IsNullOrEmpty(credentialsPath)
                ? await GoogleCredential.GetApplicationDefaultAsync(cancellationToken)
                : (await CredentialFactory.FromFileAsync<ServiceAccountCredential>(credentialsPath, cancellationToken)).ToGoogleCredential();
            _credential = credential.CreateScoped(scope);
            return _credential;
        }
        finally
        {
            _gate.Release();
        }
    }
}
