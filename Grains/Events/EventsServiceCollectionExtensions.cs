using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.Configuration;

namespace VibeCheck.Grains.Events;

/// <summary>Services of events out in a silo.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// <c>Events</c> options (validated at start), the grains' <see cref="EventPublisher"/> and the backend
    /// <c>Events:Backend</c> names. A Pub/Sub backend adds its <see cref="IEventSink"/> here.
    /// </summary>
    public static IServiceCollection AddVibeCheckEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>()
            .BindValidated(configuration.GetSection(EventsOptions.SectionName))
            .ValidateWith(o => o.Validate())
            .ValidateOnStart();
        // A factory, so a silo with events off needs no backend (and no Redis connection) to start.
        services.AddSingleton<IEventSink>(sp => ActivatorUtilities.CreateInstance<RedisStreamEventSink>(sp));
        services.AddSingleton<EventPublisher>();
        return services;
    }
}
