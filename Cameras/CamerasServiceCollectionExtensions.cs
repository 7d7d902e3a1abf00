using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using VibeCheck.Configuration;

namespace VibeCheck.Cameras;

public static class CamerasServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NycDotClient"/> with per-attempt timeouts and retries. No circuit breaker: all cameras
    /// share one client, and a few dead cameras must not cut off the healthy ones.
    /// </summary>
    public static IServiceCollection AddNycDotClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NycDotOptions>()
            .BindValidated(configuration.GetSection(NycDotOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient<NycDotClient>(NycDotClient.HttpClientName)
            .ConfigureHttpClient(client =>
            {
                // The resilience pipeline enforces the real limits; this only stops a runaway request.
                client.Timeout = TimeSpan.FromMinutes(2);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("VibeCheck/1.0 (+https://github.com/vibecheck)");
            })
            .AddResilienceHandler("nycdot", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NycDotOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.Retries),
                    ShouldHandle = options.Retries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
