using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace VibeCheck.Alerting;

/// <summary>DI registration of VibeCheck alerting.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>Name of the HttpClient used by the webhook, Slack and SMS channels.</summary>
    public const string HttpClientName = "VibeCheck.Alerting";

    /// <summary>
    /// Binds <c>Alerts</c> (validated at start), registers the configured channels (webhook when
    /// <c>Alerts:Webhook:Url</c> is set, e-mail when <c>Alerts:Email:Host</c> is set, the escalation e-mail when
    /// <c>Alerts:Escalation:To</c> is also set, Slack when <c>Alerts:Slack:Url</c> is set, one SMS channel per number of
    /// <c>Alerts:Sms:To</c> when <c>Alerts:Sms:AccountSid</c> is set), and the
    /// <see cref="TierPolicy"/>, <see cref="NotificationPlanner"/> and <see cref="DeliveryWorker"/> singletons.
    /// Further <see cref="IAlertChannel"/> singletons registered by the host are used too.
    /// </summary>
    public static IServiceCollection AddVibeCheckAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AlertsOptions.SectionName);
        services.AddOptions<AlertsOptions>().Configure(o => AlertsOptionsBinding.Bind(section, o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddHttpClient(HttpClientName)
            .AddResilienceHandler("alerts-timeout", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<AlertsOptions>>().Value;
                pipeline.AddTimeout(o.Delivery.AttemptTimeout);
            });

        var snapshot = AlertsOptionsBinding.Get(section);
        if (!string.IsNullOrWhiteSpace(snapshot.Webhook.Url))
        {
            services.AddSingleton<IAlertChannel>(sp =>
            {
                var o = Options(sp);
                return new WebhookChannel(Http(sp), o.Webhook, o.AllowPrivateNetworkTargets);
            });
        }

        if (!string.IsNullOrWhiteSpace(snapshot.Slack.Url))
        {
            services.AddSingleton<IAlertChannel>(sp =>
            {
                var o = Options(sp);
                return new SlackChannel(Http(sp), o.Slack, o.AllowPrivateNetworkTargets);
            });
        }

        if (!string.IsNullOrWhiteSpace(snapshot.Sms.AccountSid))
        {
            foreach (var number in snapshot.Sms.To.Distinct(StringComparer.Ordinal))
            {
                services.AddSingleton<IAlertChannel>(sp => new SmsChannel(
                    Http(sp), Options(sp).Sms, number, Options(sp).AllowPrivateNetworkTargets, sp.GetRequiredService<TimeProvider>()));
            }
        }

        if (!string.IsNullOrWhiteSpace(snapshot.Email.Host))
        {
            services.AddSingleton<IAlertChannel>(sp => new EmailChannel(Options(sp).Email, Options(sp).Email.To));
            if (snapshot.Escalation.To.Count > 0)
            {
                services.AddSingleton<IAlertChannel>(sp =>
                    new EmailChannel(Options(sp).Email, Options(sp).Escalation.To, ChannelNames.EscalationEmail));
            }
        }

        services.TryAddSingleton(sp => new TierPolicy(Options(sp).Tier));
        services.TryAddSingleton(sp => new DeliveryWorker(
            sp.GetServices<IAlertChannel>(),
            Options(sp).Delivery,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeliveryWorker>>()));
        services.TryAddSingleton(sp => new NotificationPlanner(
            Options(sp), sp.GetServices<IAlertChannel>().Select(c => c.Name)));
        return services;
    }

    private static AlertsOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<AlertsOptions>>().Value;

    private static HttpClient Http(IServiceProvider sp) =>
        sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
