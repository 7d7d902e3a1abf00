using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VibeCheck.Grains.Interfaces;

namespace VibeCheck.Integration.Tests.Vision;

[Collection(VisionClusterCollection.Name)]
public sealed class ZoneApiTests(VisionClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static readonly object[] TwoZones =
    [
        new { name = "lane", type = "bike_lane", points = new[] { new[] { 100.0, 150 }, [300, 150], [300, 230], [100, 230] } },
        new { name = "box", type = "box", points = new[] { new[] { 10.0, 30 }, [60, 30], [35.5, 90] } },
    ];

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string[] ErrorsOf(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Zones_round_trip_and_survive_a_restart_of_the_silo_holding_the_camera()
    {
        var camera = System.Cameras[0];
        var put = await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", TwoZones);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var expected = JsonSerializer.Serialize(await put.Content.ReadFromJsonAsync<JsonElement>());

        var got = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones");
        Assert.Equal(expected, JsonSerializer.Serialize(got));
        Assert.Equal("lane", got[0].GetProperty("name").GetString());
        Assert.Equal("bike_lane", got[0].GetProperty("type").GetString());
        Assert.Equal(35.5, got[1].GetProperty("points")[2][0].GetDouble());

        var host = await System.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(System.Grains.GetGrain<ICameraGrain>(camera));
        await System.Cluster.StopSiloAsync(System.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));
        await System.Cluster.StartAdditionalSiloAsync();

        var afterRestart = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones");
        Assert.Equal(expected, JsonSerializer.Serialize(afterRestart));
        var processed = await fixture.ProcessAsync(camera);
        var occupancy = processed.GetProperty("analysis").GetProperty("zoneOccupancy");
        Assert.True(occupancy.TryGetProperty("lane", out _), occupancy.ToString());
        Assert.True(occupancy.TryGetProperty("box", out _), occupancy.ToString());
    }

    [Fact]
    public async Task Empty_array_removes_all_zones()
    {
        var camera = System.Cameras[1];
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", TwoZones)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", Array.Empty<object>())).StatusCode);
        Assert.Equal(0, (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones")).GetArrayLength());
    }

    public static TheoryData<string, string> BadZones => new()
    {
        { """[{"name":"lane","type":"bike_lane","points":[[10,10],[400,10],[10,100]]}]""", "outside the 352x240 frame" },
        { """[{"name":"bow","type":"box","points":[[10,10],[100,100],[100,10],[10,100]]}]""", "not simple" },
        { """[{"name":"two","type":"box","points":[[10,10],[100,100]]}]""", "3..64 points" },
        { """[{"name":"line","type":"box","points":[[10,10],[50,50],[100,100]]}]""", "no area" },
        { """[{"name":"lane","type":"parking_lot","points":[[10,10],[100,10],[10,100]]}]""", "unknown type 'parking_lot'" },
        { """[{"name":"a","type":"box","points":[[10,10],[100,10],[10,100]]},{"name":"a","type":"box","points":[[10,10],[100,10],[10,100]]}]""", "duplicate name" },
        { """[{"name":"","type":"box","points":[[10,10],[100,10],[10,100]]}]""", "name must be" },
        { """[{"name":"p","type":"box","points":[[10,10],[100],[10,100]]}]""", "every point is [x, y]" },
        { """[null]""", "missing" },
        { """{"zones":[]}""", "JSON array" },
        { """[{"name":"lane","type":"bike_lane","points":[[10,10],[100,10]""", "not a JSON array" },
        { "not json at all", "not a JSON array" },
    };

    [Theory]
    [MemberData(nameof(BadZones))]
    public async Task Bad_zones_are_400_problem_listing_the_errors_and_change_nothing(string body, string expectedError)
    {
        var camera = System.Cameras[2];
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", TwoZones)).StatusCode);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await ProblemOf(await System.Http.PutAsync($"/cameras/{camera}/zones", content), HttpStatusCode.BadRequest);

        Assert.Contains(ErrorsOf(problem), e => e.Contains(expectedError, StringComparison.Ordinal));
        Assert.Equal(2, (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones")).GetArrayLength());
    }

    [Fact]
    public async Task Every_error_of_a_body_is_listed()
    {
        var body = """[{"name":"a","type":"bus","points":[[10,10],[100,10],[10,100]]},{"name":"b","type":"box","points":[[-1,10],[100,10],[10,100]]}]""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await ProblemOf(await System.Http.PutAsync($"/cameras/{System.Cameras[3]}/zones", content), HttpStatusCode.BadRequest);
        var errors = ErrorsOf(problem);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("zone 0 'a': unknown type 'bus'", errors[0]);
        Assert.StartsWith("zone 1 'b': points outside", errors[1]);
        var zoneErrors = problem.GetProperty("zoneErrors").EnumerateArray().ToArray();
        Assert.Equal([0, 1], zoneErrors.Select(e => e.GetProperty("zone").GetInt32()));
        Assert.Equal(errors, zoneErrors.Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Too_many_zones_are_refused()
    {
        var zones = Enumerable.Range(0, 33)
            .Select(i => new { name = $"z{i}", type = "roadway", points = new[] { new[] { 10, 30 }, [60, 30], [35, 90] } })
            .ToArray();
        var problem = await ProblemOf(await System.Http.PutAsJsonAsync($"/cameras/{System.Cameras[3]}/zones", zones), HttpStatusCode.BadRequest);
        Assert.Contains(ErrorsOf(problem), e => e.Contains("at most 32 zones", StringComparison.Ordinal));
        Assert.Contains(problem.GetProperty("zoneErrors").EnumerateArray(),
            e => e.GetProperty("zone").ValueKind == JsonValueKind.Null && e.GetProperty("message").GetString()!.Contains("at most 32 zones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zone_calls_check_key_camera_id_and_registry()
    {
        using var anonymous = System.NewClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/cameras/{System.Cameras[4]}/zones", TwoZones)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/cameras/{System.Cameras[4]}/zones")).StatusCode);
        await ProblemOf(await System.Http.PutAsJsonAsync("/cameras/not-a-uuid/zones", TwoZones), HttpStatusCode.BadRequest);
        await ProblemOf(await System.Http.PutAsJsonAsync($"/cameras/{Guid.NewGuid()}/zones", TwoZones), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.GetAsync($"/cameras/{Guid.NewGuid()}/violations"), HttpStatusCode.NotFound);
    }
}
