using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace VibeCheck.Gateway.Http;

/// <summary>
/// Rejects oversized bodies with 413 before any endpoint runs: by Content-Length at once, and for chunked bodies
/// through the server's body-size feature, which fails the read past the limit.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body has {context.Request.ContentLength} bytes; at most {_limit} are accepted.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        await next(context);
    }
}
