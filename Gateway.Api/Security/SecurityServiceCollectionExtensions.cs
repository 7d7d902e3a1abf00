using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;

namespace VibeCheck.Gateway.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string WritePolicy = "writes";
    public const string ReadPolicy = "reads";

    /// <summary>API-key authentication, the write/admin/read policies, and per-key/per-address rate limits.</summary>
    public static IServiceCollection AddVibeCheckSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.AddOptions<RateLimitOptions>()
            .BindValidated(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireRole(ApiKeyAuthenticationHandler.WriterRole))
            .AddPolicy(Policies.Admin, p => p.RequireRole(ApiKeyAuthenticationHandler.AdminRole))
            .AddPolicy(Policies.Read, p => p.RequireAssertion(context =>
                context.Resource is HttpContext http
                && (!http.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue.RequireKeyForReads
                    || context.User.IsInRole(ApiKeyAuthenticationHandler.WriterRole))));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WritePolicy, http => Partition(http, o => o.WritesPerMinute));
            limiter.AddPolicy(ReadPolicy, http => Partition(http, o => o.ReadsPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Rate limit reached; retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    // Keyed callers share a budget per key wherever they call from; anonymous callers per address.
    private static RateLimitPartition<string> Partition(HttpContext http, Func<RateLimitOptions, int> permits)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var caller = http.User.Identity?.IsAuthenticated == true && http.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.HeaderName, out var key)
            ? "key:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.ToString())))[..16]
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
