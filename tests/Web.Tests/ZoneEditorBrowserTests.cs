using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The camera view's zone editor in a real browser: a zone drawn with the mouse is saved with the writer key and shown
/// after a reload; the API's error about a bad zone appears next to that zone; zones are copied and all removed.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class ZoneEditorBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private const int FrameWidth = 352;
    private const int FrameHeight = 240;
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Zone_drawn_with_the_mouse_is_saved_shown_after_reload_and_a_bad_one_shows_the_apis_error_beside_it()
    {
        var camera = System.Cameras[7];
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", Array.Empty<object>())).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await OpenCameraAsync(page, camera);

        // Four clicks on the frame and a click on the first point close a rectangle.
        await page.Locator("#zone-edit").ClickAsync();
        await page.WaitForSelectorAsync("#zone-layer[data-mode='edit']");
        foreach (var (x, y) in new[] { (40, 40), (200, 40), (200, 150), (40, 150), (40, 40) })
        {
            await ClickFrameAsync(page, x, y);
        }

        await page.WaitForSelectorAsync("#zone-layer polygon.zone[data-index='0']");
        var item = page.Locator("#zone-list li[data-index='0']");
        await item.Locator("input[name='name']").FillAsync("north bike lane");
        await item.Locator("input[name='name']").PressAsync("Tab");
        await item.Locator("select[name='type']").SelectOptionAsync("bus_lane");

        // A vertex dragged, then the drag undone.
        await DragFrameAsync(page, (200, 150), (230, 180));
        Assert.Equal("40,40 200,40 230,180 40,150", await PolygonPointsAsync(page, 0));
        await page.Locator("#zone-undo").ClickAsync();
        Assert.Equal("40,40 200,40 200,150 40,150", await PolygonPointsAsync(page, 0));

        // A live update of this camera redraws the frame and detections, not the unsaved draft.
        await WaitForLiveUpdateAsync(page, camera);
        Assert.Equal("true", await page.Locator("#zone-layer").GetAttributeAsync("data-dirty"));
        Assert.Equal("north bike lane", await item.Locator("input[name='name']").InputValueAsync());

        // Saving asks for the writer key once.
        await page.Locator("#zone-save").ClickAsync();
        await page.WaitForSelectorAsync("#key-dialog[open]");
        await page.Locator("#key-input").FillAsync(VibeCheckCluster.WriterKey);
        await page.Locator("#key-save").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('zone-status').textContent === 'Saved 1 zone.'");
        var saved = Assert.Single((await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones")).EnumerateArray());
        Assert.Equal("north bike lane", saved.GetProperty("name").GetString());
        Assert.Equal("bus_lane", saved.GetProperty("type").GetString());
        Assert.Equal([40.0, 40, 200, 40, 200, 150, 40, 150], saved.GetProperty("points").EnumerateArray().SelectMany(p => p.EnumerateArray()).Select(v => v.GetDouble()));

        // After a reload the saved zone is drawn over the frame.
        await page.ReloadAsync();
        await OpenCameraAsync(page, camera, navigate: false);
        await page.WaitForSelectorAsync("#zone-layer polygon.zone[data-index='0']");
        Assert.Equal("40,40 200,40 200,150 40,150", await PolygonPointsAsync(page, 0));
        Assert.Equal("north bike lane (bus_lane)", await page.Locator("#zone-layer text.zone-label").TextContentAsync());

        // A bow tie crosses itself: the API refuses it and the page shows why next to that zone, not the other.
        await page.Locator("#zone-edit").ClickAsync();
        foreach (var (x, y) in new[] { (250, 40), (330, 120), (330, 40), (250, 120), (250, 40) })
        {
            await ClickFrameAsync(page, x, y);
        }

        await page.Locator("#zone-save").ClickAsync();
        var error = page.Locator("#zone-list li[data-index='1'] .zone-error");
        await error.WaitForAsync();
        Assert.Contains("not simple", await error.TextContentAsync());
        Assert.Equal(1, await page.Locator("#zone-layer polygon.zone.invalid[data-index='1']").CountAsync());
        Assert.Contains("not simple", await page.Locator("#zone-layer text.zone-error-label[data-index='1']").TextContentAsync());
        Assert.Equal(0, await page.Locator("#zone-list li[data-index='0'] .zone-error").CountAsync());
        Assert.Single((await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones")).EnumerateArray());
        await Browser.ScreenshotAsync(page, "zone-editor-error.png", output, "#camera-view");

        // Remove all, saved: the camera has no zones.
        await page.Locator("#zone-remove-all").ClickAsync();
        Assert.Equal(0, await page.Locator("#zone-list li").CountAsync());
        await page.Locator("#zone-save").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('zone-status').textContent === 'Saved 0 zones.'");
        Assert.Equal(0, (await System.GetJsonAsync<JsonElement>($"/cameras/{camera}/zones")).GetArrayLength());
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    [ChromiumFact]
    public async Task Zones_copied_from_another_camera_are_saved_with_the_keyboard_alone()
    {
        var (source, target) = (System.Cameras[6], System.Cameras[7]);
        var zones = new[]
        {
            new { name = "crossing", type = "crosswalk", points = new[] { new[] { 10.0, 200 }, [340, 200], [340, 230], [10, 230] } },
            new { name = "stop", type = "bus_lane", points = new[] { new[] { 20.0, 20 }, [120, 20], [70, 90] } },
        };
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{source}/zones", zones)).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.EvaluateAsync("key => sessionStorage.setItem('vibecheck.apiKey', key)", VibeCheckCluster.WriterKey);
        await OpenCameraAsync(page, target);

        await page.Locator("#zone-edit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#zone-copy-from").FocusAsync();
        await page.Locator("#zone-copy-from").SelectOptionAsync(source.ToString());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("zone-copy", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#zone-list li[data-index='1']");
        await page.Locator("#zone-list li[data-index='1'] input[name='name']").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("bus stop");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#zone-save").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('zone-status').textContent === 'Saved 2 zones.'");
        await Browser.ScreenshotAsync(page, "zone-editor.png", output, "#camera-view");

        var copied = (await System.GetJsonAsync<JsonElement>($"/cameras/{target}/zones")).EnumerateArray().ToList();
        Assert.Equal(["crossing", "bus stop"], copied.Select(z => z.GetProperty("name").GetString()));
        Assert.Equal(["crosswalk", "bus_lane"], copied.Select(z => z.GetProperty("type").GetString()));
        Assert.Equal(2, (await System.GetJsonAsync<JsonElement>($"/cameras/{source}/zones")).GetArrayLength());
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    [ChromiumFact]
    public async Task Zone_is_drawn_by_tapping_on_a_touch_screen()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 900, Height = 1200 },
            HasTouch = true,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.SetDefaultTimeout(Browser.Bound);
        await OpenCameraAsync(page, System.Cameras[5]);

        await page.Locator("#zone-edit").TapAsync();
        foreach (var (x, y) in new[] { (60, 60), (160, 60), (110, 140), (60, 60) })
        {
            var (px, py) = await OnPageAsync(page, x, y);
            await page.Touchscreen.TapAsync(px, py);
        }

        Assert.Equal("60,60 160,60 110,140", await PolygonPointsAsync(page, 0));
        Assert.Equal("polygon", await page.Locator("#zone-layer .zone[data-index='0']").EvaluateAsync<string>("z => z.tagName"));
        Assert.Equal("3 points", await page.Locator("#zone-list li[data-index='0'] .muted").TextContentAsync());
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private async Task OpenCameraAsync(IPage page, Guid camera, bool navigate = true)
    {
        if (navigate)
        {
            await page.GotoAsync(System.GatewayUrl.ToString());
        }

        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.Locator($"#camera-list li[data-id='{camera}']").ClickAsync();
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
    }

    private async Task WaitForLiveUpdateAsync(IPage page, Guid camera)
    {
        await page.WaitForSelectorAsync("#live-status.on");
        var before = await page.Locator("#live-count").GetAttributeAsync("data-count");
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await System.Http.PostAsync($"/process/camera/{camera}", null);
            var live = page.Locator("#live-count");
            return await live.GetAttributeAsync("data-last-camera") == camera.ToString() && await live.GetAttributeAsync("data-count") != before;
        }, TimeSpan.FromSeconds(30), "a live update of the camera being edited");
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
    }

    private static async Task<(float X, float Y)> OnPageAsync(IPage page, int x, int y)
    {
        var box = await page.Locator("#zone-layer").BoundingBoxAsync() ?? throw new InvalidOperationException("the zone layer is not shown");
        return (box.X + (x + 0.25f) * box.Width / FrameWidth, box.Y + (y + 0.25f) * box.Height / FrameHeight);
    }

    private static async Task ClickFrameAsync(IPage page, int x, int y)
    {
        var (px, py) = await OnPageAsync(page, x, y);
        await page.Mouse.ClickAsync(px, py);
    }

    private static async Task DragFrameAsync(IPage page, (int X, int Y) from, (int X, int Y) to)
    {
        var (fx, fy) = await OnPageAsync(page, from.X, from.Y);
        var (tx, ty) = await OnPageAsync(page, to.X, to.Y);
        await page.Mouse.MoveAsync(fx, fy);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(tx, ty, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static async Task<string?> PolygonPointsAsync(IPage page, int index) =>
        await page.Locator($"#zone-layer .zone[data-index='{index}']").GetAttributeAsync("points");
}
