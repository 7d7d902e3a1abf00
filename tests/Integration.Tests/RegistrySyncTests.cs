using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VibeCheck.Integration.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class RegistrySyncTests(ClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    [Theory]
    [InlineData("<html><body>Service Unavailable</body></html>")]
    [InlineData("{\"error\": \"maintenance\"}")]
    public async Task Registry_answer_that_is_not_a_camera_list_keeps_the_last_good_list(string body)
    {
        using var admin = System.NewClient(VibeCheckCluster.AdminKey);
        System.Replay.RawRegistry = Encoding.UTF8.GetBytes(body);
        try
        {
            var response = await admin.PostAsync("/admin/registry/sync", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(report.GetProperty("succeeded").GetBoolean());
            Assert.False(string.IsNullOrEmpty(report.GetProperty("error").GetString()));
        }
        finally
        {
            System.Replay.RawRegistry = null;
        }

        var cameras = await System.GetJsonAsync<JsonElement>("/cameras");
        Assert.Equal(System.Cameras.Count, cameras.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PostAsync($"/process/camera/{System.Cameras[0]}", null)).StatusCode);
    }
}
