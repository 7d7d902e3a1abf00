using System.Net;

namespace VibeCheck.Warehouse.BigQuery;

/// <summary>BigQuery answered with an error (after retries, when the error was retriable).</summary>
/// <param name="status">HTTP status.</param>
/// <param name="reason">BigQuery error reason, e.g. <c>notFound</c>, <c>rateLimitExceeded</c>.</param>
/// <param name="message">BigQuery's message.</param>
public sealed class BigQueryApiException(HttpStatusCode status, string? reason, string message)
    : Exception($"BigQuery {(int)status} {reason}: {message}")
{
    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>BigQuery error reason, if given.</summary>
    public string? Reason { get; } = reason;
}
