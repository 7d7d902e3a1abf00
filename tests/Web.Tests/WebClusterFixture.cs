using VibeCheck.Integration.Tests;

namespace VibeCheck.Web.Tests;

/// <summary>One system (replay server, 2 silos on Redis, gateway) shared by the web tests; each test uses its own camera.</summary>
public sealed class WebClusterFixture : IAsyncLifetime
{
    public const int CameraCount = 8;

    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(cameraCount: CameraCount);

    public async Task DisposeAsync() => await System.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WebClusterCollection : ICollectionFixture<WebClusterFixture>
{
    public const string Name = "web cluster";
}
