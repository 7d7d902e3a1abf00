namespace VibeCheck.ReplayServer;

/// <summary>Builds the replay server, in its own process or inside a test.</summary>
public static class ReplayApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.Configure<ReplayOptions>(builder.Configuration.GetSection(ReplayOptions.SectionName));
        builder.Services.AddSingleton<ReplayScenario>();
        builder.Services.AddSingleton<RecordedFrames>();
        builder.Services.AddSingleton<PollLog>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapReplayApi();
        return app;
    }
}
