using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCheck.Integration.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class SecurityTests(ClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Write_without_key_is_401_with_challenge()
    {
        using var anonymous = System.NewClient(null);

        var response = await anonymous.PostAsync($"/process/camera/{System.Cameras[0]}", null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Write_with_unknown_key_is_401()
    {
        using var stranger = System.NewClient("not-a-key");

        await AssertProblemAsync(await stranger.PostAsync($"/process/camera/{System.Cameras[0]}", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_call_with_a_writer_key_is_403_and_with_admin_key_succeeds()
    {
        await AssertProblemAsync(await System.Http.PostAsync("/admin/registry/sync", null), HttpStatusCode.Forbidden);

        using var admin = System.NewClient(VibeCheckCluster.AdminKey);
        var response = await admin.PostAsync("/admin/registry/sync", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Reads_are_open_by_default()
    {
        using var anonymous = System.NewClient(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/cameras")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }
}

/// <summary>Rate limits need a gateway of their own with a small budget.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Writes_past_the_budget_get_429_with_retry_after()
    {
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1, silos: 1,
            settings: new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await system.Http.PostAsync($"/process/camera/{system.Cameras[0]}", null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);

        // Reads have a budget of their own.
        using var reader = system.NewClient(null);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/cameras")).StatusCode);
    }
}
