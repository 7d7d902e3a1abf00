namespace VibeCheck.Integration.Tests;

/// <summary>One 2-silo system shared by the tests of a collection; each test uses its own cameras.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(cameraCount: 12);

    public async Task DisposeAsync() => await System.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "shared cluster";
}
