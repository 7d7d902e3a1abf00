using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

/// <summary>A replay server on a free loopback port whose registry lists the given cameras, each a moving scene.</summary>
public static class MovingSceneReplay
{
    public static async Task<WebApplication> StartAsync(IReadOnlyList<Guid> cameras)
    {
        var app = ReplayApp.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" }));
        await app.StartAsync();
        var scenario = app.Services.GetRequiredService<ReplayScenario>();
        scenario.RegistryJson = TestRegistry.Json(cameras);
        foreach (var (id, i) in cameras.Select((id, i) => (id, i)))
        {
            scenario.SetFrames(id, SyntheticFrames.MovingScene(i, 6), advanceEachRequest: true);
        }

        return app;
    }
}
