using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using VibeCheck.Cameras;
using VibeCheck.Configuration;

namespace VibeCheck.Gateway.Live;

/// <summary>Wiring of the live web page: its static files, security headers, frame proxy and live updates.</summary>
public static class WebPageExtensions
{
    /// <summary>Services of the page: the NYC DOT client and frame cache for the frame proxy, the live event hub and its stream subscriber.</summary>
    public static IServiceCollection AddVibeCheckWebPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNycDotClient(configuration);
        services.AddOptions<FrameProxyOptions>().BindValidated(configuration.GetSection(FrameProxyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FrameCache>();
        services.AddOptions<LiveUpdateOptions>().BindValidated(configuration.GetSection(LiveUpdateOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveEventHub>();
        services.AddHostedService<CameraEventsSubscriber>();
        return services;
    }

    /// <summary>
    /// Security headers on every answer, then the page's files (embedded in the assembly) at <c>/</c>; live streams end
    /// when the application stops.
    /// </summary>
    public static IApplicationBuilder UseVibeCheckWebPage(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(WebPageExtensions).Assembly, "VibeCheck.Gateway.wwwroot");
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".geojson"] = "application/geo+json";
        var hub = app.ApplicationServices.GetRequiredService<LiveEventHub>();
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(hub.CloseAll);
        app.UseMiddleware<PageSecurityHeaders>();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            // The page is small and changes with each release; revalidating keeps viewers on the current one.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
