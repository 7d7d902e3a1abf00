namespace VibeCheck.Integration.Tests.Events;

/// <summary>A 2-silo system publishing to a stream of its own, shared by the events tests; each test uses its own cameras.</summary>
public sealed class EventsClusterFixture : IAsyncLifetime
{
    /// <summary>The events stream of this system.</summary>
    public string Stream { get; } = "vibe-check-events-test-" + Guid.NewGuid().ToString("N")[..8];

    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(cameraCount: 4, settings: new Dictionary<string, string?>
    {
        ["Events:Redis:StreamName"] = Stream,
    });

    public async Task DisposeAsync()
    {
        await System.Redis.KeyDeleteAsync(Stream);
        await System.DisposeAsync();
    }
}
