using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>The camera map in a real browser: the five boroughs, every camera inside one, pan, zoom, click to open.</summary>
[Collection(WebClusterCollection.Name)]
public sealed class MapBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Map_draws_the_boroughs_and_every_camera_inside_one_pans_zooms_and_opens_a_camera_with_no_serious_accessibility_findings()
    {
        var registryCount = (await System.GetJsonAsync<JsonElement>("/cameras")).GetProperty("count").GetInt32();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");

        var boroughs = await page.Locator("#map path.borough").EvaluateAllAsync<string[]>("paths => paths.map(p => p.dataset.borough)");
        Assert.Equal(["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"], boroughs.Order());
        Assert.Equal(registryCount, await page.Locator("#map path.marker").CountAsync());
        // Drawn inside a borough: a borough's outline is under the centre of every marker.
        var onLand = await page.Locator("#map path.marker").EvaluateAllAsync<int>("""
            markers => markers.filter(m => {
              const box = m.getBoundingClientRect();
              return document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2).some(e => e.classList.contains('borough'));
            }).length
            """);
        Assert.Equal(registryCount, onLand);
        await Browser.ScreenshotAsync(page, "map.png", output, ".map-pane");

        // Zoom with the mouse wheel over two neighbouring cameras (about 140 m apart) until they separate.
        var (first, second) = (Marker(page, System.Cameras[0]), Marker(page, System.Cameras[1]));
        var before = Distance(await CentreAsync(first), await CentreAsync(second));
        for (var step = 0; step < 10 && Distance(await CentreAsync(first), await CentreAsync(second)) < 20; step++)
        {
            var (x, y) = await CentreAsync(first);
            await page.Mouse.MoveAsync(x, y);
            await page.Mouse.WheelAsync(0, -240);
            await page.WaitForTimeoutAsync(400); // Leaflet debounces wheel zoom by 40 ms and animates for 250 ms.
        }

        var after = Distance(await CentreAsync(first), await CentreAsync(second));
        output.WriteLine($"markers {before:F1} px apart before zooming, {after:F1} px after");
        Assert.True(after >= 20 && after > before * 8, $"zoomed in: {before:F1} px -> {after:F1} px");

        // Drag to pan: the markers follow the mouse.
        var start = await CentreAsync(first);
        var mapBox = (await page.Locator("#map").BoundingBoxAsync())!;
        var (fromX, fromY) = (mapBox.X + (mapBox.Width / 2), mapBox.Y + (mapBox.Height / 2));
        await page.Mouse.MoveAsync(fromX, fromY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(fromX - 60, fromY + 40, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        var moved = await CentreAsync(first);
        Assert.InRange(moved.X - start.X, -63, -57);
        Assert.InRange(moved.Y - start.Y, 37, 43);

        // A click on a marker opens that camera.
        var camera = System.Cameras[1];
        await second.ClickAsync();
        await page.WaitForSelectorAsync($"#camera-view[data-id='{camera}']:not([hidden])");
        Assert.Contains("selected", await second.GetAttributeAsync("class"));
        await page.WaitForSelectorAsync("#chart[data-state]");

        var findings = await Accessibility.SeriousFindingsAsync(page);
        await page.Locator("#show-alerts").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('alerts-status').textContent.length > 0");
        findings = [.. findings, .. await Accessibility.SeriousFindingsAsync(page)];
        Assert.True(findings.Count == 0, "accessibility: " + string.Join(" | ", findings));
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private static ILocator Marker(IPage page, Guid camera) => page.Locator($"#map path.marker[data-id='{camera}']");

    private static async Task<(float X, float Y)> CentreAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("marker not drawn");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    private static double Distance((float X, float Y) a, (float X, float Y) b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));
}
