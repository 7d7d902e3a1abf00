namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>One 2-silo system for the forecasting API tests; each test seeds its own camera.</summary>
public sealed class ForecastClusterFixture : IAsyncLifetime
{
    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(cameraCount: 8);

    public async Task DisposeAsync() => await System.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ForecastClusterCollection : ICollectionFixture<ForecastClusterFixture>
{
    public const string Name = "forecast cluster";
}
