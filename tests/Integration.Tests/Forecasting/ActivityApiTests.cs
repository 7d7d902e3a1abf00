using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.Grains.Interfaces;
using VibeCheck.Grains.Interfaces.Forecasting;
using VibeCheck.Integration.Tests.Vision;

namespace VibeCheck.Integration.Tests.Forecasting;

/// <summary>
/// <c>GET /cameras/{id}/activity</c> answers the forecast grain's stored buckets, and closed buckets of a polled camera
/// reach that grain through the real path: replay server → camera grain (Vision's bucket counter) → hand-off.
/// </summary>
[Collection(ForecastClusterCollection.Name)]
public sealed class ActivityApiTests(ForecastClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    [Fact]
    public async Task Recorded_buckets_are_returned_oldest_first_within_the_hours_asked()
    {
        var camera = System.Cameras[6];
        var last = ActivityHistory.LastClosedBucket();
        var buckets = ActivityHistory.Daily(camera, last, TimeSpan.FromHours(30), seed: 6);
        // Sent newest first: the answer's order must come from the series, not from the order of arrival.
        await ActivityHistory.SeedAsync(System.Grains, camera, buckets.Reverse());

        var day = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/activity");
        Assert.Equal(24, day.GetProperty("hours").GetInt32());
        Assert.Equal(5, day.GetProperty("bucketMinutes").GetInt32());
        var from = day.GetProperty("from").GetDateTimeOffset();
        var expected = buckets.Where(b => b.BucketStart >= from).ToList();
        // 24 h of 5-minute buckets, give or take the bucket the clock is in.
        Assert.InRange(expected.Count, 286, 288);
        var returned = day.GetProperty("buckets").EnumerateArray().ToList();
        Assert.Equal(expected.Count, day.GetProperty("count").GetInt32());
        Assert.Equal(expected.Count, returned.Count);
        foreach (var (bucket, json) in expected.Zip(returned))
        {
            Assert.Equal(bucket.BucketStart, json.GetProperty("start").GetDateTimeOffset());
            Assert.Equal(bucket.CountsByClass["car"], json.GetProperty("vehicles").GetInt32());
            Assert.Equal(bucket.CountsByClass["person"], json.GetProperty("persons").GetInt32());
            Assert.Equal(bucket.CountsByClass["car"] + bucket.CountsByClass["person"], json.GetProperty("activity").GetInt32());
            Assert.Equal(0, json.GetProperty("violations").GetInt32());
        }

        var twoHours = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/activity?hours=2");
        var starts = twoHours.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.InRange(starts.Count, 22, 24);
        Assert.Equal(last, starts[^1]);
        Assert.Equal(starts.OrderBy(s => s), starts);

        var all = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/activity?hours={35 * 24}");
        Assert.Equal(buckets.Count, all.GetProperty("count").GetInt32());

        var empty = await System.GetJsonAsync<JsonElement>($"/cameras/{System.Cameras[7]}/activity?hours=1");
        Assert.Equal(0, empty.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("841")]
    [InlineData("2.5")]
    [InlineData("day")]
    [InlineData("")]
    public async Task Bad_hours_answer_400_problem(string hours)
    {
        var problem = await ProblemOf(await System.Http.GetAsync($"/cameras/{System.Cameras[6]}/activity?hours={hours}"), HttpStatusCode.BadRequest);
        Assert.Contains("hours", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_or_unknown_camera_ids_answer_400_and_404_problems()
    {
        await ProblemOf(await System.Http.GetAsync("/cameras/not-a-uuid/activity"), HttpStatusCode.BadRequest);
        await ProblemOf(await System.Http.GetAsync($"/cameras/{Guid.NewGuid()}/activity?hours=3"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_polled_cameras_closed_bucket_reaches_its_forecast_grain()
    {
        // The replay serves this camera's pictures with a chosen Last-Modified, which the camera grain buckets by: eight
        // frames inside one 5-minute bucket an hour ago (an empty street, then a vehicle stopping), then one in the next
        // bucket, which closes the first.
        var camera = System.Cameras[7];
        System.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 5, stopped: 3, after: 0), advanceEachRequest: true);
        var bucket = ActivityHistory.LastClosedBucket() - TimeSpan.FromHours(1);
        var counted = 0;
        for (var i = 0; i < 8; i++)
        {
            var frame = await PollTakenAtAsync(camera, bucket + TimeSpan.FromSeconds(30 + 20 * i));
            counted += frame.Analysis!.Detections.Count(d => d.Label is "vehicle" or "person");
        }

        Assert.True(counted > 0, "the moving scene shows vehicles or persons, so the stored count says something");
        var beforeClosing = await System.Grains.GetGrain<ICameraForecastGrain>(camera).GetActivity(bucket);
        Assert.Empty(beforeClosing.Buckets);

        await PollTakenAtAsync(camera, bucket + TimeSpan.FromMinutes(6));
        System.Replay.SetTakenAt(camera, null);

        var status = await CameraOutbox.DrainedAsync(System.Grains, camera);
        Assert.True(status.ActivityReportsSent >= 1, status.ToString());
        var stored = Assert.Single((await System.Grains.GetGrain<ICameraForecastGrain>(camera).GetActivity(bucket)).Buckets);
        Assert.Equal(bucket, stored.Start);
        Assert.Equal(counted, stored.Vehicles + stored.Persons);

        var api = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/activity?hours=3");
        var only = Assert.Single(api.GetProperty("buckets").EnumerateArray().ToList());
        Assert.Equal(bucket, only.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(counted, only.GetProperty("activity").GetInt32());
    }

    // Polls until the answer is a fresh fetch of a picture taken at that time (within the refresh period the grain
    // answers its previous frame).
    private async Task<ProcessResult> PollTakenAtAsync(Guid camera, DateTimeOffset takenAt)
    {
        System.Replay.SetTakenAt(camera, takenAt);
        ProcessResult? result = null;
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            result = await System.Grains.GetGrain<ICameraGrain>(camera).ProcessNow();
            return result.Outcome == ProcessOutcome.Processed && result.FrameTakenAt == takenAt;
        }, TimeSpan.FromSeconds(30), $"a frame of camera {camera} taken at {takenAt:O}");
        return result!;
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
