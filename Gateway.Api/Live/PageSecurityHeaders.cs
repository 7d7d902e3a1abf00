namespace VibeCheck.Gateway.Live;

/// <summary>
/// Security headers for the web page and every other answer: a Content-Security-Policy that allows only the
/// gateway's own scripts, styles and connections (no inline code), nosniff and no referrer. The Orleans dashboard
/// keeps its own rules: it is a third-party single-page app with inline code.
/// </summary>
public sealed class PageSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var withPolicy = !context.Request.Path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase)
            && !ApiReference.ApiReferenceSecurityHeaders.IsReferencePage(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (withPolicy)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
