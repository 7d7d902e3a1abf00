using Microsoft.OpenApi;
using Scalar.AspNetCore;
using VibeCheck.Gateway.Security;

namespace VibeCheck.Gateway.ApiReference;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) with the API-key header declared, and the interactive reference
/// (Scalar, its scripts served from its own assembly) at <see cref="RoutePrefix"/>.
/// </summary>
public static class ApiReferenceExtensions
{
    /// <summary>Where the reference is served: <c>/scalar/v1</c> for the document <c>v1</c>.</summary>
    public const string RoutePrefix = "/scalar";

    /// <summary>
    /// Scalar's light theme colours HTTP methods, and its code examples literals, below the contrast WCAG AA asks
    /// for (axe, in tests/Web.Tests): darker shades of the same hues.
    /// </summary>
    private const string ContrastFixes =
        ".light-mode { --scalar-color-green: #0b6b2e !important; --scalar-color-blue: #1d4fc4 !important; " +
        "--scalar-color-orange: #9a4a00 !important; --scalar-color-yellow: #755c00 !important; " +
        "--scalar-color-red: #b3261e !important; --scalar-color-purple: #6b2aa8 !important; } " +
        ".hljs-literal { color: inherit !important; }";

    /// <summary>The OpenAPI document, declaring the <c>X-Api-Key</c> header so that the reference can send it.</summary>
    public static IServiceCollection AddVibeCheckOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "A writer or admin key: needed for calls that change state, and for reads when Auth:RequireKeyForReads is set.",
            };
            // Optional for the document as a whole (the empty requirement): reads are open unless the gateway says otherwise.
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            document.Security.Add(new OpenApiSecurityRequirement());
            return Task.CompletedTask;
        }));

    /// <summary>
    /// The reference page. No fonts or telemetry from Scalar's servers: the page's policy allows this origin only
    /// (<see cref="ApiReferenceSecurityHeaders"/>).
    /// </summary>
    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(RoutePrefix, options => options
            .WithTitle("VibeCheck API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .WithCustomCss(ContrastFixes)
            .AddPreferredSecuritySchemes(ApiKeyAuthenticationHandler.SchemeName));
}
