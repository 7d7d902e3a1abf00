using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.Alerting;
using VibeCheck.Configuration;

namespace VibeCheck.Grains.Alerts;

/// <summary>Services of the alerting grains in a silo.</summary>
public static class AlertGrainsServiceCollectionExtensions
{
    /// <summary>
    /// The alerting library (<c>Alerts</c>: channels, planner, worker) and the system monitor (<c>AlertMonitor</c>)
    /// that raises Redis and performance alerts.
    /// </summary>
    public static IServiceCollection AddVibeCheckAlertGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVibeCheckAlerting(configuration);
        services.AddOptions<SystemMonitorOptions>()
            .BindValidated(configuration.GetSection(SystemMonitorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AlertRouters>();
        services.AddSingleton<ProcessingSamples>();
        services.AddHostedService<SystemHealthMonitor>();
        return services;
    }
}
