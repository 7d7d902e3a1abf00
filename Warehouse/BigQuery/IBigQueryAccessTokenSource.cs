namespace VibeCheck.Warehouse.BigQuery;

/// <summary>Supplies OAuth2 access tokens for BigQuery requests (Google credentials in production, a fixed token in tests).</summary>
public interface IBigQueryAccessTokenSource
{
    /// <summary>A currently valid access token (the source refreshes it as needed).</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);
}
