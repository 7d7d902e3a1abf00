using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VibeCheck.Cameras;
using VibeCheck.Configuration;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Services the grains need, except the Redis connection and the frame analyser, which the host chooses.</summary>
    public static IServiceCollection AddVibeCheckGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CameraPollingOptions>()
            .BindValidated(configuration.GetSection(CameraPollingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddNycDotClient(configuration);
        services.AddSingleton<CameraMetrics>();
        services.AddSingleton<DetectorMetrics>();
        services.AddHostedService<SiloDeathWatcher>();
        services.AddSingleton<IAnalysisCache, RedisAnalysisCache>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
