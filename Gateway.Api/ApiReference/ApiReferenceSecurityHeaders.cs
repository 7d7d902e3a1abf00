using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using VibeCheck.Gateway.Live;

namespace VibeCheck.Gateway.ApiReference;

/// <summary>
/// The reference page's Content-Security-Policy. Scalar's HTML starts its bundled script with one inline module;
/// rather than allowing every inline script, the policy allows exactly the inline scripts of the answer it goes
/// with, by their SHA-256. Styles may be inline (the reference injects its own); every fetch stays on this origin.
/// The page's language is declared too (Scalar's HTML has none, which screen readers and axe need).
/// </summary>
public sealed partial class ApiReferenceSecurityHeaders(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsReferencePage(context.Request.Path))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = WithLanguage(Encoding.UTF8.GetString(body));
            context.Response.Headers.ContentSecurityPolicy = PolicyFor(html);
            body = Encoding.UTF8.GetBytes(html);
            context.Response.ContentLength = body.Length;
        }

        // A 304 (or 204) has no body to write, and Kestrel refuses even an empty one.
        if (body.Length > 0)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>The policy allowing the inline scripts of <paramref name="html"/> and nothing else inline.</summary>
    public static string PolicyFor(string html)
    {
        var hashes = InlineScript().Matches(html)
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["code"].Value)))}'");
        return $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static string WithLanguage(string html) => HtmlWithoutLanguage().Replace(html, "<html lang=\"en\">", 1);

    /// <summary>True for the reference's HTML routes, whose policy <see cref="PageSecurityHeaders"/> leaves to this class.</summary>
    public static bool IsReferencePage(PathString path) =>
        path.StartsWithSegments(ApiReferenceExtensions.RoutePrefix, StringComparison.OrdinalIgnoreCase)
        && !(path.Value ?? "").EndsWith(".js", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<html>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlWithoutLanguage();
}
