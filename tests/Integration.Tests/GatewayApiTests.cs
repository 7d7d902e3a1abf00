using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class GatewayApiTests(ClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task Process_returns_hash_analysis_and_timing()
    {
        var camera = System.Cameras[0];

        var response = await System.Http.PostAsync($"/process/camera/{camera}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(camera.ToString(), body.GetProperty("cameraId").GetString());
        Assert.Matches("^[0-9a-f]{64}$", body.GetProperty("frameHash").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("cacheHit").ValueKind);
        Assert.True(body.TryGetProperty("frameTakenAt", out _));
        Assert.True(body.GetProperty("elapsedMs").GetDouble() >= 0);
        var analysis = body.GetProperty("analysis");
        Assert.Equal(352, analysis.GetProperty("width").GetInt32());
        Assert.Equal(JsonValueKind.Array, analysis.GetProperty("detections").ValueKind);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("12345")]
    [InlineData("8d2b3ae9-da68-4d37-8ae2-d3bc014f827")]
    public async Task Malformed_camera_id_is_400_problem(string id)
    {
        var problem = await ProblemOf(await System.Http.PostAsync($"/process/camera/{id}", null), HttpStatusCode.BadRequest);
        Assert.Contains("not a UUID", problem.GetProperty("detail").GetString());
        await ProblemOf(await System.Http.GetAsync($"/cameras/{id}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_camera_is_404_problem()
    {
        var id = Guid.NewGuid();
        await ProblemOf(await System.Http.PostAsync($"/process/camera/{id}", null), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.GetAsync($"/cameras/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rejected_registry_entry_is_not_a_camera()
    {
        await ProblemOf(await System.Http.PostAsync($"/process/camera/{TestRegistry.NorthernIrelandId}", null), HttpStatusCode.NotFound);
        using var admin = System.NewClient(VibeCheckCluster.AdminKey);
        var sync = await (await admin.PostAsync("/admin/registry/sync", null)).Content.ReadFromJsonAsync<JsonElement>();
        var rejected = Assert.Single(sync.GetProperty("rejected").EnumerateArray());
        Assert.Equal(TestRegistry.NorthernIrelandId.ToString(), rejected.GetProperty("id").GetString());
        Assert.Contains("outside the five boroughs", rejected.GetProperty("reason").GetString());
        var status = await System.GetJsonAsync<JsonElement>("/status");
        Assert.Equal(1, status.GetProperty("lastRegistrySync").GetProperty("rejected").GetInt32());
        Assert.Equal(System.Cameras.Count, status.GetProperty("cameras").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Oversized_body_is_413_problem()
    {
        using var content = new ByteArrayContent(new byte[200 * 1024]);
        await ProblemOf(await System.Http.PostAsync($"/process/camera/{System.Cameras[0]}", content), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Oversized_chunked_body_is_413_problem()
    {
        using var content = new StreamContent(new MemoryStream(new byte[200 * 1024]));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/process/camera/{System.Cameras[0]}") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await ProblemOf(await System.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Camera_that_answers_500_is_502_and_goes_offline_then_recovers()
    {
        var camera = System.Cameras[1];
        System.Replay.SetFault(camera, CameraFault.ServerError);
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var problem = await ProblemOf(await System.Http.PostAsync($"/process/camera/{camera}", null), HttpStatusCode.BadGateway);
                Assert.Contains("500", problem.GetProperty("detail").GetString());
                await Task.Delay(350); // past the refresh period, so each call fetches again
            }

            var offline = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}");
            Assert.Equal("offline", offline.GetProperty("health").GetString());
        }
        finally
        {
            System.Replay.SetFault(camera, CameraFault.None);
        }

        var response = await System.Http.PostAsync($"/process/camera/{camera}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var online = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}");
        Assert.Equal("online", online.GetProperty("health").GetString());
    }

    [Theory]
    [InlineData(CameraFault.Html)]
    [InlineData(CameraFault.Png)]
    [InlineData(CameraFault.Empty)]
    [InlineData(CameraFault.TruncatedJpeg)]
    [InlineData(CameraFault.Hang)]
    public async Task Camera_sending_no_usable_jpeg_is_502_with_the_reason(CameraFault fault)
    {
        var camera = System.Cameras[2 + (int)fault % 4];
        System.Replay.SetFault(camera, fault);
        try
        {
            var problem = await ProblemOf(await System.Http.PostAsync($"/process/camera/{camera}", null), HttpStatusCode.BadGateway);
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        finally
        {
            System.Replay.SetFault(camera, CameraFault.None);
            await Task.Delay(350);
        }
    }

    [Fact]
    public async Task Corrupt_jpeg_is_reported_in_the_analysis_not_thrown()
    {
        var camera = System.Cameras[7];
        System.Replay.SetFault(camera, CameraFault.CorruptJpeg);
        try
        {
            var response = await System.Http.PostAsync($"/process/camera/{camera}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(string.IsNullOrEmpty(body.GetProperty("analysis").GetProperty("error").GetString()));
        }
        finally
        {
            System.Replay.SetFault(camera, CameraFault.None);
            await Task.Delay(350);
        }
    }

    [Fact]
    public async Task Cameras_list_filters_by_borough_and_rejects_unknown_health()
    {
        var all = await System.GetJsonAsync<JsonElement>("/cameras");
        var manhattan = await System.GetJsonAsync<JsonElement>("/cameras?borough=manhattan");
        Assert.Equal(System.Cameras.Count, all.GetProperty("count").GetInt32());
        Assert.Equal((System.Cameras.Count + 1) / 2, manhattan.GetProperty("count").GetInt32());
        await ProblemOf(await System.Http.GetAsync("/cameras?health=sleepy"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_status_metrics_and_openapi_answer()
    {
        var health = await System.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        var status = await System.GetJsonAsync<JsonElement>("/status");
        Assert.True(status.GetProperty("redis").GetProperty("healthy").GetBoolean());
        Assert.Equal(2, status.GetProperty("silos").GetArrayLength());

        await System.Http.PostAsync($"/process/camera/{System.Cameras[8]}", null);
        var metrics = await System.Http.GetStringAsync("/metrics");
        Assert.Contains("vibecheck_gateway_process_duration", metrics);
        Assert.Contains("vibecheck_gateway_cache_requests", metrics);

        var openApi = await System.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/process/camera/{id}", openApi);
        // The camera routes bind the id through KnownCamera; the document still lists it as a path parameter.
        var paths = JsonDocument.Parse(openApi).RootElement.GetProperty("paths");
        foreach (var (path, verb) in new[] { ("/cameras/{id}", "get"), ("/cameras/{id}/zones", "put"), ("/cameras/{id}/predictions", "get"), ("/process/camera/{id}", "post") })
        {
            var parameters = paths.GetProperty(path).GetProperty(verb).TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "id" && p.GetProperty("in").GetString() == "path");
        }
    }

    [Fact]
    public async Task Dashboard_is_served_under_the_gateway()
    {
        var response = await System.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }
}
