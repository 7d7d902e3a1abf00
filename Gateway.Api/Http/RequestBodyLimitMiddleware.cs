using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace VibeCheck.Gateway.Http;

/// <summary>
/// Rejects oversized bodies with 413 before any endpoint runs: by Content-Length at once, and for bodies of unknown
/// length (chunked) by reading them under the server's size limit, which fails past it. The body is buffered
/// (at most the limit) so the endpoint can still read it.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            await RejectAsync(context, $"The body has {request.ContentLength} bytes; at most {_limit} are accepted.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }

        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            request.EnableBuffering(bufferThreshold: (int)Math.Min(_limit, 64 * 1024), bufferLimit: _limit);
            try
            {
                await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or IOException)
            {
                await RejectAsync(context, $"The body is larger than the {_limit} bytes accepted.");
                return;
            }

            request.Body.Position = 0;
        }

        await next(context);
    }

    private Task RejectAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = detail,
            },
        }).AsTask();
    }
}
