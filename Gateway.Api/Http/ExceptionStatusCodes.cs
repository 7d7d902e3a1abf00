namespace VibeCheck.Gateway.Http;

/// <summary>Maps failures that escape an endpoint to the status a caller can act on.</summary>
public static class ExceptionStatusCodes
{
    public static int Select(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        TimeoutException => StatusCodes.Status504GatewayTimeout,
        OrleansException => StatusCodes.Status503ServiceUnavailable,
        OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
