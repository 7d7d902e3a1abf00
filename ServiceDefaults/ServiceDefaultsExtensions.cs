using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace VibeCheck.ServiceDefaults;

/// <summary>
/// What every VibeCheck service process (silo and gateway) sets up alike: metrics for Prometheus (its own meters,
/// Orleans', ASP.NET Core's and the runtime's), health checks and RFC 9457 problem details. Each service adds its
/// own meters, health checks and endpoints on top.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The meter Orleans publishes its own metrics under.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Adds the defaults; <paramref name="meters"/> are the service's own meter names.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, params string[] meters)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([OrleansMeter, .. meters])
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps the endpoints every service answers: <c>/metrics</c> for Prometheus.</summary>
    public static TApp MapDefaultEndpoints<TApp>(this TApp app)
        where TApp : IEndpointRouteBuilder
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
