using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VibeCheck.Configuration;
using VibeCheck.Grains.Processing.PubSub;
using VibeCheck.Grains.Telemetry;

namespace VibeCheck.Grains.Processing;

/// <summary>Registers the consumer of processing requests chosen by <c>Processing:Backend</c>.</summary>
public static class ProcessingServiceCollectionExtensions
{
    /// <summary>Configuration key naming the backend: <c>redis</c> (default) or <c>pubsub</c>.</summary>
    public const string BackendKey = "Processing:Backend";

    /// <summary>
    /// The processing trigger (the original design's Pub/Sub topic <c>vibe-check-processing</c>): a Redis stream on
    /// the cluster's Redis, or a Pub/Sub subscription; its options are validated at start.
    /// </summary>
    public static IServiceCollection AddVibeCheckProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProcessingMetrics>();
        services.AddSingleton<ProcessingRequestHandler>();
        if (BackendOf(configuration) == ProcessingBackend.PubSub)
        {
            services.AddOptions<PubSubProcessingOptions>()
                .BindValidated(configuration.GetSection(PubSubProcessingOptions.SectionName))
                .ValidateWith(o => o.Validate())
                .ValidateOnStart();
            // Pulls wait for messages up to about 90 s on Pub/Sub's side.
            services.AddHttpClient(nameof(PubSubClient), http => http.Timeout = TimeSpan.FromSeconds(120));
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PubSubClient>(
                sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PubSubClient)),
                (PubSubConnectionOptions)sp.GetRequiredService<IOptions<PubSubProcessingOptions>>().Value));
            services.AddHostedService<PubSubProcessingConsumer>();
            return services;
        }

        services.AddOptions<ProcessingStreamOptions>()
            .BindValidated(configuration.GetSection(ProcessingStreamOptions.SectionName))
            .ValidateWith(o => o.Validate())
            .ValidateOnStart();
        services.AddHostedService<ProcessingStreamConsumer>();
        return services;
    }

    /// <summary>
    /// The backend is needed while registering, before options are bound; an unknown name stops the start the way a
    /// bad option does, naming the key without the value.
    /// </summary>
    private static ProcessingBackend BackendOf(IConfiguration configuration)
    {
        var value = configuration[BackendKey];
        if (string.IsNullOrEmpty(value))
        {
            return ProcessingBackend.Redis;
        }

        return Enum.TryParse<ProcessingBackend>(value, ignoreCase: true, out var backend) && Enum.IsDefined(backend)
            ? backend
            : throw new OptionsValidationException(BackendKey, typeof(ProcessingBackend),
                [$"{BackendKey} must be one of {string.Join(", ", Enum.GetNames<ProcessingBackend>())}."]);
    }
}
