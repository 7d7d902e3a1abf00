using System.Net;

namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>Pub/Sub answered an error (after retries, when it was retriable), with Google's status and message.</summary>
public sealed class PubSubApiException(HttpStatusCode statusCode, string? status, string message)
    : Exception($"Pub/Sub answered {(int)statusCode} {status}: {message}")
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Google's canonical status, e.g. <c>NOT_FOUND</c>.</summary>
    public string? Status { get; } = status;
}
