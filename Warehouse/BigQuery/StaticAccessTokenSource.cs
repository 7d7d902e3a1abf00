namespace VibeCheck.Warehouse.BigQuery;

/// <summary>A fixed access token, e.g. from <c>gcloud auth print-access-token</c> or a test.</summary>
public sealed class StaticAccessTokenSource(string token) : IBigQueryAccessTokenSource
{
    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
