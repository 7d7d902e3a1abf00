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
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
