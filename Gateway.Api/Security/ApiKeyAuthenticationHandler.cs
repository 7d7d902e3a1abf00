using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace VibeCheck.Gateway.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header. Keys are compared as SHA-256 digests with a fixed-time comparison,
/// so neither a key's content nor its length leaks through timing. No key: no identity (401 where one is needed);
/// a known key without the needed role: 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> auth,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string WriterRole = "writer";
    public const string AdminRole = "admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Digest(values.ToString());
        var settings = auth.CurrentValue;
        var isAdmin = Matches(presented, settings.AdminKeys);
        var isWriter = isAdmin || Matches(presented, settings.ApiKeys);
        if (!isWriter)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, isAdmin ? "admin-key" : "api-key"), new(ClaimTypes.Role, WriterRole) };
        if (isAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid key in the {HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", "This API key may not make this call.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        var context = new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (!await problems.TryWriteAsync(context))
        {
            // The registered writers decline a client that accepts no JSON (the page's event stream asks for
            // text/event-stream); the refusal is still a problem document rather than an exception and a 500.
            await Response.WriteAsJsonAsync(context.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    private static bool Matches(byte[] presented, IEnumerable<string> keys)
    {
        var found = false;
        foreach (var key in keys)
        {
            // No early exit: every configured key is compared, whatever matches.
            found |= CryptographicOperations.FixedTimeEquals(presented, Digest(key));
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
