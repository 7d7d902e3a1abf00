using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;

namespace VibeCheck.Grains.Events;

/// <summary>Services of events out in a silo.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// <c>Events</c> options (validated at start), the grains' <see cref="EventPublisher"/> and the backend
    /// <c>Events:Backend</c> names. (<see cref="RedisStreamEventSink"/> or <see cref="PubSubEventSink"/>).
    /// </summary>
    public static IServiceCollection AddVibeCheckEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>()
            .BindValidated(configuration.GetSection(EventsOptions.SectionName))
            .ValidateWith(o => o.Validate())
            .ValidateOnStart();
        // A factory, so a silo with events off needs no backend (and no Redis connection) to start.
        services.AddHttpClient(nameof(PubSubEventSink));
        services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<IOptions<EventsOptions>>().Value.UsesPubSub
            ? ActivatorUtilities.CreateInstance<PubSubEventSink>(sp)
            : ActivatorUtilities.CreateInstance<RedisStreamEventSink>(sp));
        services.AddSingleton<EventPublisher>();
        return services;
    }
}
