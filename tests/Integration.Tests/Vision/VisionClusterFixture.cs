using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCheck.Integration.Tests.Vision;

/// <summary>
/// A 2-silo system for the detection tests: episodes end 4 s after their last evidence (instead of 30 s) so a test
/// sees the whole lifecycle, and no camera is polled by its timer, so each test alone decides which frames are analysed.
/// </summary>
public sealed class VisionClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan EndCutoff = TimeSpan.FromSeconds(4);

    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(
        cameraCount: 10,
        settings: new Dictionary<string, string?>
        {
            ["Vision:Episodes:EndCutoff"] = "00:00:04",
            ["Vision:Episodes:MinConsecutiveFrames"] = "3",
            ["Cameras:Watch:0"] = "00000000-0000-0000-0000-000000000001",
        });

    public async Task DisposeAsync() => await System.DisposeAsync();

    /// <summary>
    /// Processes the camera's next frame once the replay server's 2-second frame clock has moved on, so every frame has
    /// its own time (the episode tracker ignores frames not newer than the last).
    /// </summary>
    public Task<JsonElement> ProcessInNewSlotAsync(Guid camera) => ProcessInNewSlotAsync(System, camera);

    /// <inheritdoc cref="ProcessInNewSlotAsync(Guid)"/>
    public static async Task<JsonElement> ProcessInNewSlotAsync(VibeCheckCluster system, Guid camera)
    {
        const long slot = 2 * TimeSpan.TicksPerSecond;
        var wait = TimeSpan.FromTicks(slot - (DateTimeOffset.UtcNow.UtcTicks % slot)) + TimeSpan.FromMilliseconds(100);
        await Task.Delay(wait);
        return await ProcessAsync(system, camera);
    }

    /// <summary>Processes the camera's next frame (past the refresh period, so never answered from the grain's memory).</summary>
    public Task<JsonElement> ProcessAsync(Guid camera) => ProcessAsync(System, camera);

    /// <inheritdoc cref="ProcessAsync(Guid)"/>
    public static async Task<JsonElement> ProcessAsync(VibeCheckCluster system, Guid camera)
    {
        await Task.Delay(350);
        var response = await system.Http.PostAsync($"/process/camera/{camera}", null);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("cacheHit").GetBoolean(), "a frame was answered from the refresh period");
        return body;
    }

    public async Task<JsonElement> ViolationsAsync(Guid camera) => await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/violations");
}

[CollectionDefinition(Name)]
public sealed class VisionClusterCollection : ICollectionFixture<VisionClusterFixture>
{
    public const string Name = "vision cluster";
}
