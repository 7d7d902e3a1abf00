using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VibeCheck.Gateway;
using VibeCheck.Gateway.Health;

namespace VibeCheck.Integration.Tests;

/// <summary>
/// A gateway started before any silo (issue 14, defect 2): it listens, says on /health why it is not ready, and
/// connects by itself once a silo comes up, however long that takes.
/// </summary>
public sealed class GatewayBeforeSiloTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_gateway_started_before_any_silo_answers_503_saying_so_and_serves_once_a_silo_appears()
    {
        var clusterId = "vc-nosilo-" + Guid.NewGuid().ToString("N")[..8];
        var redis = await SharedRedis.ConnectionStringAsync();
        var port = LoopbackPort.Free();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var gateway = GatewayApplication.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        using var stop = new CancellationTokenSource();
        var starting = gateway.StartAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };

        var health = await FirstAnswer.FromAsync(http, "/health", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        var checks = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        var cluster = checks.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cluster");
        Assert.Equal(DependencyProbe.NotConnected, cluster.GetProperty("detail").GetString());

        // Long enough without a silo for several of the client's connection attempts to have failed.
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.False(starting.IsCompleted, "the gateway's start ended without a silo: " + starting.Exception?.GetBaseException().Message);

        var siloStarted = DateTime.UtcNow;
        await using var silo = SiloProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["NycDot:BaseUrl"] = "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Warehouse:DataDirectory"] = Path.Combine(Path.GetTempPath(), "vibecheck-tests", clusterId, "warehouse"),
        });
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(120), "the gateway to become healthy");
        await starting;
        output.WriteLine($"/health 200 {(DateTime.UtcNow - siloStarted).TotalSeconds:F1} s after the silo process started");

        await gateway.StopAsync(CancellationToken.None);
    }
}
