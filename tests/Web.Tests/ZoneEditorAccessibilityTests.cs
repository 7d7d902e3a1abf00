using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The camera view with its zone editor open, checked by axe-core: saved zones, a zone being drawn (its vertices shown),
/// a zone the API refused (its error beside it and in the list) and the copy-from list must all be accessible.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class ZoneEditorAccessibilityTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Camera_view_with_the_zone_editor_open_has_no_serious_accessibility_findings()
    {
        var camera = System.Cameras[3];
        var zones = new[] { new { name = "crossing", type = "crosswalk", points = new[] { new[] { 10.0, 190 }, [340, 190], [340, 230], [10, 230] } } };
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PutAsJsonAsync($"/cameras/{camera}/zones", zones)).StatusCode);
        // Analysed once, so that detection boxes and their labels are drawn too.
        Assert.Equal(HttpStatusCode.OK, (await System.Http.PostAsync($"/process/camera/{camera}", null)).StatusCode);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.EvaluateAsync("key => sessionStorage.setItem('vibecheck.apiKey', key)", VibeCheckCluster.WriterKey);
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.Locator($"#camera-list li[data-id='{camera}']").ClickAsync();
        await page.WaitForSelectorAsync("#frame[data-loaded='true']");
        await page.WaitForSelectorAsync("#zone-layer polygon.zone[data-index='0']");
        await page.WaitForSelectorAsync("#chart[data-state]");

        // Editing, with a self-crossing zone refused by the API: every part of the editor is on screen.
        await page.Locator("#zone-edit").ClickAsync();
        await page.WaitForSelectorAsync("#zone-layer[data-mode='edit']");
        var box = (await page.Locator("#zone-layer").BoundingBoxAsync())!;
        foreach (var (x, y) in new[] { (250, 40), (330, 120), (330, 40), (250, 120), (250, 40) })
        {
            await page.Mouse.ClickAsync(box.X + ((x + 0.25f) * box.Width / 352), box.Y + ((y + 0.25f) * box.Height / 240));
        }

        await page.Locator("#zone-save").ClickAsync();
        await page.Locator("#zone-list li[data-index='1'] .zone-error").WaitForAsync();
        Assert.Equal(1, await page.Locator("#zone-layer text.zone-error-label[data-index='1']").CountAsync());
        var findings = await Accessibility.SeriousFindingsAsync(page);
        await Browser.ScreenshotAsync(page, "camera-view-zone-editor.png", output, "#camera-view");

        // And a shape being drawn: its vertices are shown, the first one marked.
        foreach (var (x, y) in new[] { (40, 40), (150, 40), (150, 120) })
        {
            await page.Mouse.ClickAsync(box.X + ((x + 0.25f) * box.Width / 352), box.Y + ((y + 0.25f) * box.Height / 240));
        }

        Assert.Equal(1, await page.Locator("#zone-layer polyline.zone[data-index='2']").CountAsync());
        Assert.True(await page.Locator("#zone-layer circle.vertex").CountAsync() >= 11, "the vertices of every zone are drawn while editing");

        findings = [.. findings, .. await Accessibility.SeriousFindingsAsync(page)];
        Assert.True(findings.Count == 0, "accessibility: " + string.Join(" | ", findings));
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }
}
