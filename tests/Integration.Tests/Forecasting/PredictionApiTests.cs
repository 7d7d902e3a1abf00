using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCheck.Integration.Tests.Forecasting;

[Collection(ForecastClusterCollection.Name)]
public sealed class PredictionApiTests(ForecastClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(Guid Camera, DateTimeOffset Last)> SeededCameraAsync(int index, TimeSpan span)
    {
        var camera = System.Cameras[index];
        var last = ActivityHistory.LastClosedBucket();
        await ActivityHistory.SeedAsync(System.Grains, camera, ActivityHistory.Daily(camera, last, span, seed: index));
        return (camera, last);
    }

    [Fact]
    public async Task Every_configured_horizon_has_points_inside_their_intervals_and_a_cached_key()
    {
        var (camera, last) = await SeededCameraAsync(0, TimeSpan.FromDays(3));

        foreach (var horizon in new[] { 15, 30, 60, 1440 })
        {
            var body = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/predictions?horizon={horizon}");

            Assert.Equal("ok", body.GetProperty("status").GetString());
            Assert.Equal(864, body.GetProperty("historyBuckets").GetInt32());
            Assert.Equal(last, body.GetProperty("lastBucketStart").GetDateTimeOffset());
            var points = body.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(horizon / 5, points.Count);
            foreach (var (point, k) in points.Select((p, k) => (p, k)))
            {
                Assert.Equal(last + TimeSpan.FromMinutes(5 * (k + 1)), point.GetProperty("timestamp").GetDateTimeOffset());
                var value = point.GetProperty("value").GetDouble();
                Assert.InRange(value, point.GetProperty("lower").GetDouble(), point.GetProperty("upper").GetDouble());
            }

            var forecast = body.GetProperty("forecast");
            Assert.Equal(last + TimeSpan.FromMinutes(horizon), forecast.GetProperty("timestamp").GetDateTimeOffset());
            // The synthetic cycle is smooth and the noise ±2: a sound fit lands near it.
            Assert.InRange(forecast.GetProperty("value").GetDouble(), ActivityHistory.Expected(last + TimeSpan.FromMinutes(horizon)) - 8, ActivityHistory.Expected(last + TimeSpan.FromMinutes(horizon)) + 8);

            var key = $"prediction:camera:{camera}:horizon:{horizon}";
            var ttl = await System.Redis.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
            var cached = JsonDocument.Parse((string)(await System.Redis.StringGetAsync(key))!).RootElement;
            Assert.Equal("ok", cached.GetProperty("status").GetString());
            Assert.Equal(horizon / 5, cached.GetProperty("points").GetArrayLength());
        }
    }

    [Fact]
    public async Task Short_history_answers_insufficient_history_without_points()
    {
        var (camera, _) = await SeededCameraAsync(1, TimeSpan.FromHours(20));

        var body = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/predictions?horizon=60");

        Assert.Equal("insufficient_history", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(0, body.GetProperty("points").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("forecast").ValueKind);
        Assert.False(await System.Redis.KeyExistsAsync($"prediction:camera:{camera}:horizon:60"));

        var anomalies = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/anomalies");
        Assert.Equal("insufficient_history", anomalies.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("45", "configured horizons: 15, 30, 60, 1440")]
    [InlineData("sixty", "whole number of minutes")]
    [InlineData("-15", "whole number of minutes")]
    public async Task Horizon_not_configured_or_not_a_number_is_400(string horizon, string expected)
    {
        var problem = await ProblemOf(await System.Http.GetAsync($"/cameras/{System.Cameras[5]}/predictions?horizon={horizon}"), HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_or_malformed_camera_is_404_or_400()
    {
        await ProblemOf(await System.Http.GetAsync($"/cameras/{Guid.NewGuid()}/predictions"), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.GetAsync($"/cameras/{Guid.NewGuid()}/anomalies"), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.GetAsync("/cameras/not-a-uuid/predictions"), HttpStatusCode.BadRequest);
        await ProblemOf(await System.Http.GetAsync($"/cameras/{System.Cameras[5]}/anomalies?probability=high"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Injected_spike_is_listed_by_anomalies()
    {
        var camera = System.Cameras[2];
        var last = ActivityHistory.LastClosedBucket();
        var spikeAt = last - TimeSpan.FromHours(30);
        await ActivityHistory.SeedAsync(System.Grains, camera, ActivityHistory.Daily(camera, last, TimeSpan.FromDays(3), seed: 2, spikeAt, spike: 150));

        var body = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/anomalies");

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(0.95, body.GetProperty("probability").GetDouble());
        var spike = Assert.Single(body.GetProperty("anomalies").EnumerateArray(), a => a.GetProperty("bucketStart").GetDateTimeOffset() == spikeAt);
        Assert.True(spike.GetProperty("value").GetDouble() > spike.GetProperty("upper").GetDouble());

        // At a stricter probability the spike stays and the noise-level flags thin out.
        var strict = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/anomalies?probability=0.9999");
        Assert.Contains(strict.GetProperty("anomalies").EnumerateArray(), a => a.GetProperty("bucketStart").GetDateTimeOffset() == spikeAt);
        Assert.True(strict.GetProperty("count").GetInt32() <= body.GetProperty("count").GetInt32());
    }
}
