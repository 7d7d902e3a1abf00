using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using VibeCheck.ReplayServer;

namespace VibeCheck.Cameras.Tests;

/// <summary>A replay server on a free loopback port, serving whatever registry and frames a test sets.</summary>
public sealed class ReplayServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public ReplayScenario Scenario => _app!.Services.GetRequiredService<ReplayScenario>();

    public async Task InitializeAsync()
    {
        _app = ReplayApp.Build([], b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);

        // One request before the tests: the first one pays for the server's and the HTTP stack's start-up, which on a
        // loaded machine can exceed the clients' 500 ms attempt timeout and turn the first test's fault into a timeout.
        var warmUp = Guid.NewGuid();
        Scenario.SetFrames(warmUp, [[0xFF, 0xD8, 0xFF, 0xD9]]);
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        (await http.GetAsync($"/api/cameras/{warmUp}/image")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
