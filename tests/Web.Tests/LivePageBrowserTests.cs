using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using VibeCheck.Integration.Tests.Alerts;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The page in a real browser: Debian's headless chromium driven by Playwright against the system on loopback with
/// the replay server. A screenshot of each view is saved under <c>screenshots/</c> in the test output folder.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class LivePageBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private const float Bound = 30_000;
    private static readonly string[] OptionalEndpoints = ["/zones", "/violations", "/predictions", "/anomalies"];
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Page_shows_cameras_opens_one_updates_live_and_acknowledges_an_alert()
    {
        // Every camera polled once, so that the page has health, analyses and frames to show.
        foreach (var id in System.Cameras)
        {
            Assert.Equal(HttpStatusCode.OK, (await System.Http.PostAsync($"/process/camera/{id}", null)).StatusCode);
        }

        var registryCount = (await System.GetJsonAsync<JsonElement>("/cameras")).GetProperty("count").GetInt32();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // Failed responses are judged below, by URL: Chromium logs each as "Failed to load resource".
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.RequestFailed += (_, request) =>
        {
            // The event stream is cut when the page closes; anything else failing is a defect.
            if (!request.Url.EndsWith("/events", StringComparison.Ordinal))
            {
                problems.Add($"request failed: {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            // Only the camera endpoints that other features are still adding may be missing; the page says "not available".
            var optional = response.Status == 404 && OptionalEndpoints.Any(e => new Uri(response.Url).AbsolutePath.EndsWith(e, StringComparison.Ordinal));
            if (response.Status >= 400 && !optional)
            {
                problems.Add($"{response.Status} from {response.Url}");
            }
        };
        page.SetDefaultTimeout(Bound);

        // Loads and lists the registry's cameras, on the map and in the list.
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal(registryCount, await page.Locator("#camera-list li.camera-item").CountAsync());
        Assert.Equal(registryCount, await page.Locator("#map path.marker").CountAsync());
        Assert.Equal(registryCount.ToString(), await page.Locator("#camera-count").TextContentAsync());
        Assert.Equal(registryCount, await page.Locator("#map path.marker.health-online").CountAsync());
        Assert.Equal(5, await page.Locator("#map path.borough").CountAsync());

        // The list filters.
        await page.Locator("#filter-health").SelectOptionAsync("offline");
        Assert.Equal(0, await page.Locator("#camera-list li.camera-item").CountAsync());
        await page.Locator("#filter-health").SelectOptionAsync("");
        Assert.Equal(registryCount, await page.Locator("#camera-list li.camera-item").CountAsync());

        // A click opens the camera: its frame loads through the gateway and its detections are drawn.
        var camera = System.Cameras[0];
        await page.Locator($"#camera-list li[data-id='{camera}']").ClickAsync();
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
        Assert.Equal(352, await page.Locator("#frame").EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Equal(240, await page.Locator("#frame").EvaluateAsync<int>("img => img.naturalHeight"));
        Assert.StartsWith("blob:", await page.Locator("#frame").GetAttributeAsync("src"));
        await page.WaitForFunctionAsync("() => document.getElementById('camera-meta').textContent.includes('detections')");
        var detections = (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}")).GetProperty("lastAnalysis").GetProperty("detections").GetArrayLength();
        Assert.Equal(detections, await page.Locator("#overlay rect.detection").CountAsync());
        output.WriteLine($"camera {camera}: {detections} detections drawn");

        // A live update arrives without reloading: the grain publishes, the gateway forwards over SSE.
        await page.WaitForSelectorAsync("#live-status.on");
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await System.Http.PostAsync($"/process/camera/{camera}", null);
            return await page.Locator("#live-count").GetAttributeAsync("data-last-camera") == camera.ToString();
        }, TimeSpan.FromSeconds(30), "a live update of the opened camera in the page");
        var liveCount = int.Parse((await page.Locator("#live-count").GetAttributeAsync("data-count"))!);
        Assert.True(liveCount >= 1);
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
        await ScreenshotAsync(page, "cameras.png");

        // An alert acknowledged from the page changes state; the page asks for the API key once.
        var episode = new Episode(System.Cameras[4]);
        await episode.ReportAsync(System.Grains, 0.95);
        string? alertId = null;
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            var alerts = await System.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
            alertId = alerts.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()).FirstOrDefault();
            return alertId is not null;
        }, TimeSpan.FromSeconds(30), "the alert of a HIGH-confidence violation episode");
        await page.Locator("#show-alerts").ClickAsync();
        var row = page.Locator($"#alert-rows tr[data-id='{alertId}']");
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await page.Locator("#refresh-alerts").ClickAsync();
            return await row.CountAsync() == 1;
        }, TimeSpan.FromSeconds(30), $"alert {alertId} listed on the page");
        Assert.Equal("false", await row.GetAttributeAsync("data-acknowledged"));

        await row.Locator("button.ack").ClickAsync();
        await page.WaitForSelectorAsync("#key-dialog[open]");
        await page.Locator("#key-input").FillAsync(VibeCheckCluster.WriterKey);
        await page.Locator("#key-save").ClickAsync();
        await page.WaitForSelectorAsync($"#alert-rows tr[data-id='{alertId}'][data-acknowledged='true']");
        var acknowledged = await System.GetJsonAsync<JsonElement>($"/alerts/{alertId}");
        output.WriteLine($"alert after ack: {acknowledged}");
        Assert.Equal("web page", FindString(acknowledged, "acknowledgedBy"));
        Assert.Equal(VibeCheckCluster.WriterKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('vibecheck.apiKey')"));
        await ScreenshotAsync(page, "alerts.png");

        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} holds a real picture");
        output.WriteLine($"screenshot: {path}");
    }

    private static string? FindString(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }

                if (FindString(property.Value, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
