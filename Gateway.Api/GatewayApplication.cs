using Orleans.Dashboard;
using VibeCheck.Gateway.ApiReference;
using VibeCheck.Configuration;
using VibeCheck.Gateway.Cameras;
using VibeCheck.Gateway.Endpoints;
using VibeCheck.Gateway.Health;
using VibeCheck.Gateway.Http;
using VibeCheck.Gateway.Live;
using VibeCheck.Gateway.Security;
using VibeCheck.Gateway.Telemetry;
using VibeCheck.ServiceDefaults;

namespace VibeCheck.Gateway;

/// <summary>Builds the gateway, for <c>Program</c> and for tests that host it on a loopback port.</summary>
public static class GatewayApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddVibeCheckClusterClient();

        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindValidated(builder.Configuration.GetSection(RequestLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue(
                $"{RequestLimitsOptions.SectionName}:{nameof(RequestLimitsOptions.MaxRequestBodyBytes)}", 64L * 1024));
        builder.Services.AddVibeCheckSecurity(builder.Configuration);
        builder.Services.AddVibeCheckOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RegistryIndex>();
        builder.Services.AddSingleton<DependencyProbe>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddHostedService<ClusterStatusPoller>();
        builder.Services.AddVibeCheckWebPage(builder.Configuration);
        builder.AddServiceDefaults(GatewayMetrics.MeterName);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ExceptionStatusCodes.Select });
        app.UseStatusCodePages();
        app.UseVibeCheckWebPage();
        app.UseMiddleware<ApiReferenceSecurityHeaders>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapApiReference();
        app.MapDefaultEndpoints();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        app.MapHealthEndpoints();
        app.MapCameraEndpoints();
        app.MapZoneEndpoints();
        app.MapViolationEndpoints();
        app.MapPredictionEndpoints();
        app.MapActivityEndpoints();
        app.MapAdminEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapAlertEndpoints();
        app.MapLiveEndpoints();
        app.MapFrameEndpoints();
        return app;
    }
}
