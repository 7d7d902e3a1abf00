using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VibeCheck.Gateway;

namespace VibeCheck.Integration.Tests;

/// <summary>A gateway deployed with the wrong Redis password: it must say so on /health, not hang unreachable or crash.</summary>
public sealed class RedisWrongPasswordAtStartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Password = "right-pass-41c9a0";

    [Fact]
    public async Task A_gateway_started_with_a_wrong_password_answers_health_503_naming_redis_and_alive_200()
    {
        await using var redis = await RedisServer.StartAsync(security: new RedisServerSecurity(Password, Certificates: null));
        var port = LoopbackPort.Free();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString.Replace(Password, "wrong-pass-0000"),
            ["Orleans:ClusterId"] = "vc-wrongpass",
            ["Orleans:ServiceId"] = "vc-wrongpass",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Auth:ApiKeys:0"] = VibeCheckCluster.WriterKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var gateway = GatewayApplication.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        using var stop = new CancellationTokenSource();
        var starting = gateway.StartAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };

        var started = DateTime.UtcNow;
        var health = await FirstAnswer.FromAsync(http, "/health", TimeSpan.FromSeconds(30));
        output.WriteLine($"/health answered {(int)health.StatusCode} {(DateTime.UtcNow - started).TotalSeconds:F1} s after start; host start completed: {starting.IsCompleted}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var problem = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("redis", problem.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
        var detail = JsonDocument.Parse(await http.GetStringAsync("/status")).RootElement.GetProperty("redis").GetProperty("detail").GetString()!;
        output.WriteLine($"redis detail: {detail}");
        Assert.Contains("authentication", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong-pass-0000", detail, StringComparison.Ordinal);

        await stop.CancelAsync();
        await Record.ExceptionAsync(() => starting);
        await gateway.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
