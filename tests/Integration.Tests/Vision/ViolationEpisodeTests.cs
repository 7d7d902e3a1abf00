using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.Grains.Caching;
using VibeCheck.ReplayServer;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Vision;

[Collection(VisionClusterCollection.Name)]
public sealed class ViolationEpisodeTests(VisionClusterFixture fixture, ITestOutputHelper output)
{
    private const string BikeLaneViolation = "car_bike_lane_violation";

    private VibeCheckCluster System => fixture.System;

    private async Task SetBikeLaneAsync(Guid camera) =>
        (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", StreetScene.BikeLane)).EnsureSuccessStatusCode();

    private async Task<JsonElement> SingleEpisodeAsync(Guid camera) =>
        Assert.Single((await fixture.ViolationsAsync(camera)).GetProperty("episodes").EnumerateArray());

    [Fact]
    public async Task Stopped_vehicle_in_bike_lane_opens_one_episode_after_N_frames_and_resolves_after_the_cutoff()
    {
        var camera = System.Cameras[5];
        System.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 5, stopped: 10, after: 30), advanceEachRequest: true);
        await SetBikeLaneAsync(camera);
        for (var i = 0; i < 5; i++)
        {
            await fixture.ProcessAsync(camera); // the background model learns the empty street
        }

        Assert.Equal(0, (await fixture.ViolationsAsync(camera)).GetProperty("count").GetInt32());

        // The vehicle stands in the lane: one frame per 2-second slot; the episode opens on the 3rd supporting frame.
        var framesToOpen = 0;
        var hashes = new List<string>();
        JsonElement analysis = default;
        while ((await fixture.ViolationsAsync(camera)).GetProperty("count").GetInt32() == 0)
        {
            Assert.True(++framesToOpen <= 3, "no episode after 3 frames with the vehicle in the lane");
            var processed = await fixture.ProcessInNewSlotAsync(camera);
            hashes.Add(processed.GetProperty("frameHash").GetString()!);
            analysis = processed.GetProperty("analysis");
            Assert.Equal(1, analysis.GetProperty("zoneOccupancy").GetProperty("lane").GetInt32());
        }

        Assert.Equal(3, framesToOpen);
        var vehicle = Assert.Single(analysis.GetProperty("detections").EnumerateArray());
        Assert.Equal("vehicle", vehicle.GetProperty("label").GetString());
        var open = await SingleEpisodeAsync(camera);
        output.WriteLine(open.ToString());
        Assert.Equal(BikeLaneViolation, open.GetProperty("type").GetString());
        Assert.Equal("lane", open.GetProperty("zone").GetString());
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("endedAt").ValueKind);
        Assert.InRange(open.GetProperty("confidence").GetDouble(), 0.3, 1.0);
        Assert.StartsWith($"{camera:N}:{BikeLaneViolation}/lane/", open.GetProperty("id").GetString());
        var evidence = open.GetProperty("evidence");
        Assert.Equal("background-subtraction/1.0", evidence.GetProperty("detector").GetString());
        Assert.Equal(hashes, evidence.GetProperty("frameHashes").EnumerateArray().Select(h => h.GetString()!));
        Assert.Equal(3, evidence.GetProperty("boxes").GetArrayLength());

        var key = CacheKeys.Violation(camera, BikeLaneViolation);
        var cached = JsonDocument.Parse((string)(await System.Redis.StringGetAsync(key))!).RootElement;
        Assert.Equal(open.GetProperty("id").GetString(), cached.GetProperty("episodeId").GetString());
        Assert.Equal("open", cached.GetProperty("status").GetString());
        Assert.InRange((await System.Redis.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));

        // More frames of the same vehicle update the same episode instead of opening new ones.
        for (var i = 0; i < 3; i++)
        {
            await fixture.ProcessInNewSlotAsync(camera);
        }

        var updated = await SingleEpisodeAsync(camera);
        Assert.Equal(open.GetProperty("id").GetString(), updated.GetProperty("id").GetString());
        Assert.True(updated.GetProperty("confidence").GetDouble() > open.GetProperty("confidence").GetDouble(), updated.ToString());

        // Skip the rest of the vehicle's frames, then the street is empty: the episode ends once no frame has
        // supported it for the cutoff (4 s here).
        for (var i = 0; i < 4; i++)
        {
            await fixture.ProcessAsync(camera);
        }

        var framesToResolve = 0;
        while ((await SingleEpisodeAsync(camera)).GetProperty("status").GetString() == "open")
        {
            Assert.True(++framesToResolve <= 5, "the episode is still open 5 frames after the vehicle left");
            await fixture.ProcessInNewSlotAsync(camera);
        }

        var resolved = await SingleEpisodeAsync(camera);
        output.WriteLine($"resolved after {framesToResolve} empty frames: {resolved}");
        Assert.Equal(open.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        var endedAt = resolved.GetProperty("endedAt").GetDateTimeOffset();
        Assert.True(endedAt > resolved.GetProperty("startedAt").GetDateTimeOffset());
        cached = JsonDocument.Parse((string)(await System.Redis.StringGetAsync(key))!).RootElement;
        Assert.Equal("resolved", cached.GetProperty("status").GetString());

        // Every report (open, updates, resolution) was handed to the episode's violation grain and acknowledged.
        var status = await CameraOutbox.DrainedAsync(System.Grains, camera);
        Assert.True(status.ViolationReportsSent >= 5, $"{status.ViolationReportsSent} reports sent");
        Assert.Equal(0, (await fixture.ViolationsAsync(camera)).GetProperty("pendingViolationReports").GetInt32());
        Assert.True(status.CurrentBucketFrames > 0 || status.PendingActivityReports > 0 || status.ActivityReportsSent > 0, status.ToString());
    }

    [Fact]
    public async Task Corrupt_jpeg_is_reported_in_the_analysis_and_the_camera_keeps_working()
    {
        var camera = System.Cameras[6];
        System.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 8, stopped: 0, after: 0), advanceEachRequest: true);
        await SetBikeLaneAsync(camera);
        await fixture.ProcessAsync(camera);

        System.Replay.SetFault(camera, CameraFault.CorruptJpeg);
        var bad = await fixture.ProcessAsync(camera);
        var error = bad.GetProperty("analysis").GetProperty("error").GetString();
        output.WriteLine($"corrupt: {error}");
        Assert.Contains("corrupt JPEG", error);
        Assert.Empty(bad.GetProperty("analysis").GetProperty("detections").EnumerateArray());

        // A truncated JPEG is refused by the fetch itself (no end-of-image marker): 502, and the grain keeps going.
        System.Replay.SetFault(camera, CameraFault.TruncatedJpeg);
        await Task.Delay(350);
        var truncated = await System.Http.PostAsync($"/process/camera/{camera}", null);
        Assert.Equal(HttpStatusCode.BadGateway, truncated.StatusCode);

        System.Replay.SetFault(camera, CameraFault.None);
        var good = await fixture.ProcessAsync(camera);
        Assert.Equal(JsonValueKind.Null, good.GetProperty("analysis").GetProperty("error").ValueKind);
        Assert.Equal(352, good.GetProperty("analysis").GetProperty("width").GetInt32());
        Assert.Equal(0, (await fixture.ViolationsAsync(camera)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Detections_have_label_confidence_and_pixel_box()
    {
        var camera = System.Cameras[7];
        System.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 5, stopped: 3, after: 0), advanceEachRequest: true);
        for (var i = 0; i < 5; i++)
        {
            await fixture.ProcessAsync(camera);
        }

        var analysis = (await fixture.ProcessAsync(camera)).GetProperty("analysis");
        var detection = Assert.Single(analysis.GetProperty("detections").EnumerateArray());
        Assert.Equal("vehicle", detection.GetProperty("label").GetString());
        Assert.InRange(detection.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        var box = detection.GetProperty("box");
        var (x, y, w, h) = (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(), box.GetProperty("width").GetDouble(), box.GetProperty("height").GetDouble());
        var r = StreetScene.StoppedVehicle;
        // Top-left origin, pixels of the frame: the box lies over the drawn vehicle.
        Assert.InRange(x, r.X - 8, r.X + 8);
        Assert.InRange(y, r.Y - 8, r.Y + 8);
        Assert.InRange(w, r.Width - 16, r.Width + 16);
        Assert.InRange(h, r.Height - 16, r.Height + 16);
        // Without zones nothing is a violation, but objects are still counted.
        Assert.Empty(analysis.GetProperty("zoneOccupancy").EnumerateObject());
        Assert.Equal(0, (await fixture.ViolationsAsync(camera)).GetProperty("count").GetInt32());
    }
}
