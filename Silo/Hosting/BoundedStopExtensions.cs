using Microsoft.Extensions.Options;
using VibeCheck.Configuration;

namespace VibeCheck.Silo.Hosting;

/// <summary>Registers <see cref="StopDeadline"/> and derives the host's shutdown timeout from <see cref="StopOptions"/>.</summary>
public static class BoundedStopExtensions
{
    public static WebApplicationBuilder AddBoundedStop(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StopOptions>()
            .BindValidated(builder.Configuration.GetSection(StopOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<StopOptions>>((host, stop) => host.ShutdownTimeout = stop.Value.GracefulTimeout);
        builder.Services.AddHostedService<StopDeadline>();
        return builder;
    }
}
