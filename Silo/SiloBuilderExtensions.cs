using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;
using VibeCheck.Grains;
using VibeCheck.Grains.Analytics;
using VibeCheck.Grains.Events;
using VibeCheck.Grains.Hosting;
using VibeCheck.Redis;

namespace VibeCheck.Silo;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Everything a VibeCheck silo needs: Redis for clustering, grain storage and reminders, the dashboard, and the
    /// grains' services. Shared by <c>Program</c> and the test clusters so both run the same wiring.
    /// </summary>
    /// <param name="standalone">
    /// False inside a TestCluster, which sets cluster identity and endpoints itself; clustering is Redis either way.
    /// </param>
    public static ISiloBuilder AddVibeCheck(this ISiloBuilder silo, IConfiguration configuration, bool standalone = true)
    {
        var settings = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        var redis = RedisConnection.Options(configuration);

        if (standalone && settings.UseKubernetesHosting)
        {
            // Cluster identity and endpoints come from the pod (POD_IP, POD_NAME, POD_NAMESPACE and the
            // orleans/serviceId and orleans/clusterId labels, see k8s/); Kubernetes also removes dead silos.
            silo.UseKubernetesHosting();
        }
        else if (standalone)
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        }

        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
        // Failure detection (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, ...) keeps Orleans'
        // defaults unless set: faster detection shortens a dead silo's camera gap but risks evicting a silo that is
        // only slow under load.
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(ClusterSettings.SectionName + ":Membership"));

        foreach (var storage in StorageNames.All)
        {
            silo.AddRedisGrainStorage(storage, o => o.ConfigurationOptions = redis.Clone());
        }

        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
        silo.AddMemoryStreams(VibeCheck.Grains.Interfaces.Live.LiveStreams.Provider);
        silo.AddDashboard();
        silo.AddStartupTask<RegistryStartupTask>();

        silo.Services.AddSingleton<Orleans.Serialization.ITypeNameFilter, VibeCheckTypeNameFilter>();
        silo.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Clone()));
        silo.Services.AddVibeCheckGrainServices(configuration);
        silo.Services.AddVibeCheckEvents(configuration);
        VibeCheck.Grains.Alerts.AlertGrainsServiceCollectionExtensions.AddVibeCheckAlertGrains(silo.Services, configuration);
        silo.Services.AddVibeCheckAnalytics(configuration);
        VibeCheck.Grains.Forecasting.ForecastingServiceCollectionExtensions.AddVibeCheckForecasting(silo.Services, configuration);
        silo.Services.AddVibeCheckFrameAnalyzer(configuration);
        return silo;
    }
}
