using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VibeCheck.Warehouse;
using VibeCheck.Warehouse.Configuration;

namespace VibeCheck.Grains.Analytics;

/// <summary>Wires the analytics warehouse into a silo.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// The warehouse library (options, sink, batching writer as hosted service), <see cref="IAnalyticsRecorder"/> for
    /// grains, metrics, and the flush at silo stop. With DuckDB (the default) the writer's sink is replaced by
    /// <see cref="ClusterWarehouseSink"/>, so batches go to the one <see cref="WarehouseGrain"/> owning the file.
    /// </summary>
    public static IServiceCollection AddVibeCheckAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVibeCheckWarehouse(configuration);
        var provider = configuration.GetSection(WarehouseOptions.SectionName)
            .GetValue(nameof(WarehouseOptions.Provider), WarehouseProvider.DuckDb);
        if (provider == WarehouseProvider.DuckDb)
        {
            services.Replace(ServiceDescriptor.Singleton<IWarehouseSink, ClusterWarehouseSink>());
        }

        services.AddSingleton<WarehouseMetrics>();
        services.AddSingleton<IAnalyticsRecorder, AnalyticsRecorder>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WarehouseLifecycle>();
        return services;
    }
}
