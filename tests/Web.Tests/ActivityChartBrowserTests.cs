using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using VibeCheck.Integration.Tests.Forecasting;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>The camera view's activity chart in a real browser: stored history, the forecast and its band, or "no history yet".</summary>
[Collection(WebClusterCollection.Name)]
public sealed class ActivityChartBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Camera_view_charts_the_stored_history_with_the_forecast_band_or_says_there_is_none_yet()
    {
        // Three days through the forecast grain's interface: enough for a fitted forecast with intervals.
        var seeded = System.Cameras[5];
        var last = ActivityHistory.LastClosedBucket();
        await ActivityHistory.SeedAsync(System.Grains, seeded, ActivityHistory.Daily(seeded, last, TimeSpan.FromDays(3), seed: 5));
        var prediction = await System.GetJsonAsync<JsonElement>($"/cameras/{seeded}/predictions?horizon=60");
        Assert.Equal("ok", prediction.GetProperty("status").GetString());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");

        await page.Locator($"#camera-list li[data-id='{seeded}']").ClickAsync();
        await page.WaitForSelectorAsync("#chart[data-state='drawn']");
        var chart = page.Locator("#chart");
        // Six hours of 5-minute buckets (72, give or take the bucket the clock is in), one dot each.
        var dots = await chart.Locator("circle.history-point").CountAsync();
        Assert.InRange(dots, 71, 73);
        Assert.Equal(dots.ToString(), await chart.GetAttributeAsync("data-history-points"));
        Assert.Equal(dots, PointsOf(await chart.Locator("polyline.history").GetAttributeAsync("points")));
        // The next hour: 12 forecast points, the band their upper then lower bounds.
        Assert.Equal("12", await chart.GetAttributeAsync("data-forecast-points"));
        Assert.Equal(24, PointsOf(await chart.Locator("polygon.band").GetAttributeAsync("points")));
        Assert.Equal(13, PointsOf(await chart.Locator("polyline.forecast").GetAttributeAsync("points")));
        var band = await chart.Locator("polygon.band").BoundingBoxAsync();
        Assert.True(band is { Width: > 10, Height: > 1 }, $"the band is visible: {band?.Width}×{band?.Height}");
        Assert.Contains("95% interval", await page.Locator("#chart-status").TextContentAsync());
        await Browser.ScreenshotAsync(page, "activity-chart.png", output, "#camera-view");

        // A camera with nothing recorded says so instead of drawing an empty frame.
        await page.Locator($"#camera-list li[data-id='{System.Cameras[6]}']").ClickAsync();
        await page.WaitForSelectorAsync("#chart[data-state='empty']");
        Assert.Equal("No history yet", await chart.Locator("text.empty").TextContentAsync());
        Assert.Equal(0, await chart.Locator("circle.history-point").CountAsync());
        Assert.Equal(0, await chart.Locator("polygon.band").CountAsync());

        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private static int PointsOf(string? points) => (points ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
