using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VibeCheck.Integration.Tests.Forecasting;

[Collection(ForecastClusterCollection.Name)]
public sealed class BulkPredictionTests(ForecastClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Mixed_ids_get_one_answer_each()
    {
        var good = System.Cameras[3];
        var last = ActivityHistory.LastClosedBucket();
        await ActivityHistory.SeedAsync(System.Grains, good, ActivityHistory.Daily(good, last, TimeSpan.FromDays(3), seed: 3));
        var unknown = Guid.NewGuid().ToString();

        var response = await System.Http.PostAsJsonAsync("/predictions/bulk", new { cameraIds = new[] { good.ToString(), unknown, "not-a-uuid", System.Cameras[4].ToString() }, horizons = new[] { 15, 60 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("requested").GetInt32());
        Assert.Equal(2, body.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, body.GetProperty("failed").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(good.ToString(), results[0].GetProperty("cameraId").GetString());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("error").ValueKind);
        var predictions = results[0].GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal([15, 60], predictions.Select(p => p.GetProperty("horizonMinutes").GetInt32()));
        Assert.All(predictions, p => Assert.Equal("ok", p.GetProperty("status").GetString()));
        Assert.Equal(12, predictions[1].GetProperty("points").GetArrayLength());

        Assert.Equal(unknown, results[1].GetProperty("cameraId").GetString());
        Assert.Equal(404, results[1].GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("not-a-uuid", results[2].GetProperty("cameraId").GetString());
        Assert.Equal(400, results[2].GetProperty("error").GetProperty("status").GetInt32());

        // A registered camera with no history is answered, and says so.
        var empty = results[3].GetProperty("predictions").EnumerateArray().ToList();
        Assert.All(empty, p => Assert.Equal("insufficient_history", p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task More_than_1000_cameras_is_413_with_a_clear_message()
    {
        var ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var problem = await ProblemOf(await System.Http.PostAsJsonAsync("/predictions/bulk", new { cameraIds = ids, horizons = new[] { 60 } }), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("at most 1000 cameras", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"cameraIds\": [], \"horizons\": [15]}", "at least one camera")]
    [InlineData("{\"cameraIds\": [\"x\"]}", "horizons must list")]
    [InlineData("{\"cameraIds\": [\"x\"], \"horizons\": [0]}", "horizons must list")]
    [InlineData("{\"cameraIds\": [\"x\"", "not valid JSON")]
    [InlineData("[1, 2]", "not valid JSON")]
    public async Task Empty_or_malformed_body_is_400(string json, string expected)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var problem = await ProblemOf(await System.Http.PostAsync("/predictions/bulk", content), HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Horizon_not_configured_is_400_for_the_request()
    {
        var problem = await ProblemOf(
            await System.Http.PostAsJsonAsync("/predictions/bulk", new { cameraIds = new[] { System.Cameras[4].ToString() }, horizons = new[] { 15, 45 } }),
            HttpStatusCode.BadRequest);

        Assert.Contains("configured horizons", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bulk_without_a_key_is_401()
    {
        using var anonymous = System.NewClient(null);

        var response = await anonymous.PostAsJsonAsync("/predictions/bulk", new { cameraIds = new[] { System.Cameras[4].ToString() }, horizons = new[] { 60 } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
