using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.Configuration;

namespace VibeCheck.Grains.Forecasting;

public static class ForecastingServiceCollectionExtensions
{
    /// <summary>Options of the camera forecast grains, bound from <c>Forecasting</c> and checked at start.</summary>
    public static IServiceCollection AddVibeCheckForecasting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastingOptions>()
            .BindValidated(configuration.GetSection(ForecastingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
