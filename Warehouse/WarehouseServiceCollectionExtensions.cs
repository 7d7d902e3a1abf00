using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;
using VibeCheck.Warehouse.BigQuery;
using VibeCheck.Warehouse.Configuration;
using VibeCheck.Warehouse.DuckDb;
using VibeCheck.Warehouse.Writing;

namespace VibeCheck.Warehouse;

/// <summary>Registers the warehouse.</summary>
public static class WarehouseServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="WarehouseOptions"/> from the <c>Warehouse</c> section (validated at start), registers the sink
    /// chosen by <c>Warehouse:Provider</c> (<c>DuckDb</c> by default, or <c>BigQuery</c>) as <see cref="IWarehouseSink"/>,
    /// and the batching <see cref="WarehouseWriter"/> as <see cref="IWarehouseWriter"/> and hosted service.
    /// With BigQuery, <see cref="IBigQueryAccessTokenSource"/> defaults to Google credentials; register your own first
    /// to override it.
    /// </summary>
    public static IServiceCollection AddVibeCheckWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WarehouseOptions.SectionName);
        services.AddOptions<WarehouseOptions>().BindValidated(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WarehouseOptions>, WarehouseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWarehouseDeadLetterStore, FileDeadLetterStore>();

        var provider = ProviderOf(section);
        if (provider == WarehouseProvider.BigQuery)
        {
            services.TryAddSingleton<IBigQueryAccessTokenSource, GoogleAccessTokenSource>();
            services.AddHttpClient(nameof(BigQueryClient));
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BigQueryClient>(
                sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BigQueryClient))));
            services.AddSingleton<BigQueryWarehouseSink>();
            services.AddSingleton<IWarehouseSink>(sp => sp.GetRequiredService<BigQueryWarehouseSink>());
            services.AddSingleton<BigQueryForecaster>();
        }
        else
        {
            services.AddSingleton<DuckDbWarehouseSink>();
            services.AddSingleton<IWarehouseSink>(sp => sp.GetRequiredService<DuckDbWarehouseSink>());
        }

        services.AddSingleton<WarehouseWriter>();
        services.AddSingleton<IWarehouseWriter>(sp => sp.GetRequiredService<WarehouseWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<WarehouseWriter>());
        return services;
    }

    /// <summary>
    /// The provider is needed while registering, before options are bound; an unknown name stops the start the way a
    /// bad option does, naming the key without the value.
    /// </summary>
    private static WarehouseProvider ProviderOf(IConfigurationSection section)
    {
        var value = section[nameof(WarehouseOptions.Provider)];
        if (string.IsNullOrEmpty(value))
        {
            return WarehouseProvider.DuckDb;
        }

        return Enum.TryParse<WarehouseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new OptionsValidationException(WarehouseOptions.SectionName, typeof(WarehouseOptions),
                [$"{section.Path}:{nameof(WarehouseOptions.Provider)} must be one of {string.Join(", ", Enum.GetNames<WarehouseProvider>())}."]);
    }
}
