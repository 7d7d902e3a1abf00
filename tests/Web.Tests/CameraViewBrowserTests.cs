using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using VibeCheck.Integration.Tests.Vision;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The camera view over a real detection: a vehicle stopped in a bike lane (the motion detector's street scene) opens
/// an episode; the page draws each detection at the API's box with its label, the episode's latest box with its type
/// and confidence, and marks the zone it is in.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class CameraViewBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Detections_are_drawn_at_their_boxes_and_an_open_episode_is_highlighted_with_its_zone()
    {
        var camera = System.Cameras[2];
        System.Replay.SetFrames(camera, StreetScene.StoppedVehicleSequence(before: 5, stopped: 40, after: 5), advanceEachRequest: true);
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", StreetScene.BikeLane)).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await VisionClusterFixture.ProcessAsync(System, camera); // the background model learns the empty street
        }

        // The vehicle stands in the lane, one frame per 2-second slot, until an episode opens.
        var opened = false;
        for (var frames = 1; !opened; frames++)
        {
            Assert.True(frames <= 6, "no episode opened after 6 frames of a vehicle standing in the bike lane");
            await VisionClusterFixture.ProcessInNewSlotAsync(System, camera);
            opened = (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/violations")).GetProperty("episodes").EnumerateArray()
                .Any(e => e.GetProperty("status").GetString() == "open");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.Locator($"#camera-list li[data-id='{camera}']").ClickAsync();
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
        await page.WaitForSelectorAsync("#episode-layer rect.episode");
        await page.WaitForSelectorAsync("#overlay rect.detection");

        // The page redraws on each live update of the camera, and the camera's timer may poll at any moment: each
        // check compares one reading of the page with the API's answer for the same frame, read again until they agree.
        // Each detection at its box, labelled with its class and confidence (and track and standing time when tracked).
        await AgreeAsync(
            async () => await page.EvaluateAsync<string[]>("""
                () => [document.getElementById('overlay').dataset.frameHash,
                       ...[...document.querySelectorAll('#overlay rect.detection')].map(r => ['x', 'y', 'width', 'height'].map(a => Number(r.getAttribute(a))).join(' ')
                         + ' ' + r.nextElementSibling.textContent)]
                """),
            async () =>
            {
                var detail = await System.GetJsonAsync<JsonElement>($"/cameras/{camera}");
                var detections = detail.GetProperty("lastAnalysis").GetProperty("detections").EnumerateArray().ToList();
                Assert.NotEmpty(detections);
                return [detail.GetProperty("lastFrameHash").GetString()!, .. detections.Select(d => $"{Box(d.GetProperty("box"))} {Label(d)}")];
            },
            "the detections drawn equal the API's last analysis of the frame shown");

        // The open episode: its latest evidence box with type and confidence, its zone marked, and listed below.
        var episodes = await AgreeAsync(
            async () => await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('#episode-layer rect.episode')].map(r => r.dataset.id + ' '
                  + ['x', 'y', 'width', 'height'].map(a => Number(r.getAttribute(a))).join(' ') + ' ' + r.nextElementSibling.textContent)
                """),
            async () => (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/violations")).GetProperty("episodes").EnumerateArray()
                .Where(e => e.GetProperty("status").GetString() == "open")
                .Select(e => $"{e.GetProperty("id").GetString()} {Box(e.GetProperty("evidence").GetProperty("boxes").EnumerateArray().Last())} " +
                             $"{e.GetProperty("type").GetString()!.Replace('_', ' ')} {Percent(e.GetProperty("confidence").GetDouble())}%")
                .ToArray(),
            "the episodes drawn equal the API's open episodes");
        Assert.Single(episodes);
        Assert.Matches(@" car bike lane violation \d+%$", episodes[0]);
        var violating = page.Locator("#zone-layer polygon.zone.violating");
        Assert.Equal(1, await violating.CountAsync());
        Assert.Equal("100,150 300,150 300,230 100,230", await violating.GetAttributeAsync("points"));
        Assert.Equal("lane (bike_lane)", await page.Locator("#zone-layer text.zone-label").TextContentAsync());
        Assert.StartsWith("car_bike_lane_violation in lane", await page.Locator("#violations li").First.TextContentAsync());
        Assert.Equal(1, await page.Locator("#violations li").CountAsync());

        await Browser.ScreenshotAsync(page, "camera-view-episode.png", output, "#camera-view");
        var findings = await Accessibility.SeriousFindingsAsync(page);
        Assert.True(findings.Count == 0, "accessibility: " + string.Join(" | ", findings));
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    [TrackingDetectorChromiumFact]
    public async Task Labels_of_a_tracking_detector_carry_the_track_id_and_standing_time()
    {
        // Its own one-silo system: the shared one runs the motion detector, as the synthetic scenes need.
        await using var system = await VibeCheckCluster.StartAsync(cameraCount: 1, silos: 1, settings: new Dictionary<string, string?> { ["Vision:Detector"] = "Coco" });
        var camera = system.Cameras[0];
        system.Replay.SetFrames(camera, Enumerable.Range(0, 6).Select(i => File.ReadAllBytes(RealFramesAndModelsFactAttribute.RedLightRain(i))).ToList(), advanceEachRequest: true);
        for (var i = 0; i < 4; i++)
        {
            await VisionClusterFixture.ProcessInNewSlotAsync(system, camera); // the queue at the red light stands still
        }

        var detections = (await system.GetJsonAsync<JsonElement>($"/cameras/{camera}")).GetProperty("lastAnalysis").GetProperty("detections").EnumerateArray().ToList();
        Assert.Contains(detections, d => d.GetProperty("trackId").ValueKind == JsonValueKind.Number && d.GetProperty("standingSeconds").GetDouble() >= 1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(system.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.Locator($"#camera-list li[data-id='{camera}']").ClickAsync();
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
        await page.WaitForSelectorAsync("#overlay rect.detection");

        var labels = (await AgreeAsync(
            async () => await page.EvaluateAsync<string[]>("""
                () => [document.getElementById('overlay').dataset.frameHash,
                       ...[...document.querySelectorAll('#overlay text.detection-label')].map(t => t.textContent)]
                """),
            async () =>
            {
                var detail = await system.GetJsonAsync<JsonElement>($"/cameras/{camera}");
                return [detail.GetProperty("lastFrameHash").GetString()!, .. detail.GetProperty("lastAnalysis").GetProperty("detections").EnumerateArray().Select(Label)];
            },
            "the labels drawn equal the API's last analysis of the frame shown"))[1..];
        Assert.Contains(labels, l => Regex.IsMatch(l, @"^\w+ #\d+ \d+% [1-9]\d* s$"));
        output.WriteLine(string.Join(" | ", labels));
        await Browser.ScreenshotAsync(page, "camera-view-tracks.png", output, ".frame-box");
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    /// <summary>Reads the page, then the API, until both give the same lines; answers them.</summary>
    private static async Task<string[]> AgreeAsync(Func<Task<string[]>> onPage, Func<Task<string[]>> fromApi, string what)
    {
        string[] shown = [], expected = [];
        await VibeCheckCluster.WaitUntilAsync(
            async () =>
            {
                shown = await onPage();
                expected = await fromApi();
                return shown.SequenceEqual(expected);
            },
            TimeSpan.FromSeconds(30), what, () => Task.FromResult($"page: {string.Join(" | ", shown)}\napi:  {string.Join(" | ", expected)}"));
        return shown;
    }

    private static string Box(JsonElement box) =>
        string.Join(" ", new[] { "x", "y", "width", "height" }.Select(p => box.GetProperty(p).GetDouble().ToString(CultureInfo.InvariantCulture)));

    private static string Percent(double confidence) => Math.Round(confidence * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    /// <summary>The label as the page writes it: "vehicle 87%", or "car #12 87% 40 s" from a tracking detector.</summary>
    private static string Label(JsonElement d)
    {
        var track = d.GetProperty("trackId") is { ValueKind: JsonValueKind.Number } id ? $" #{id.GetInt64()}" : "";
        var standing = d.GetProperty("standingSeconds") is { ValueKind: JsonValueKind.Number } s ? $" {Math.Round(s.GetDouble(), MidpointRounding.AwayFromZero)} s" : "";
        return $"{d.GetProperty("label").GetString()}{track} {Percent(d.GetProperty("confidence").GetDouble())}%{standing}";
    }
}
