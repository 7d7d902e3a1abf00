using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCheck.Cameras;
using VibeCheck.Configuration;
using VibeCheck.Grains.Caching;
using VibeCheck.Grains.Cameras;
using VibeCheck.Grains.Hosting;
using VibeCheck.Grains.Processing;
using VibeCheck.Grains.Telemetry;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

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
        // The rules and the episode tracker, as every camera runs them: bad thresholds stop the silo at start.
        services.AddOptions<ViolationRuleOptions>()
            .BindValidated(configuration.GetSection(ViolationRuleOptions.SectionName))
            .ValidateWith(o => o.Validate())
            .ValidateOnStart();
        services.AddOptions<EpisodeTrackerOptions>()
            .BindValidated(configuration.GetSection(EpisodeTrackerOptions.SectionName))
            .ValidateWith(o => o.Validate())
            .ValidateOnStart();
        services.AddSingleton(sp => new ViolationMonitor(
            sp.GetRequiredService<IOptions<ViolationRuleOptions>>().Value, sp.GetRequiredService<IOptions<EpisodeTrackerOptions>>().Value));
        services.AddNycDotClient(configuration);
        services.AddVibeCheckProcessing(configuration);
        services.AddSingleton<CameraMetrics>();
        services.AddSingleton<DetectorMetrics>();
        services.AddHostedService<SiloDeathWatcher>();
        services.AddSingleton<IPublicReadModel, RedisPublicReadModel>();
        services.AddSingleton<UnsavedWork>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
