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
        // What uPlot holds: six hours of 5-minute buckets (72, give or take the bucket the clock is in), then the next
        // hour's 12 forecast points with their bounds.
        var drawn = await chart.EvaluateAsync<DrawnChart>(DrawnChart.Script);
        output.WriteLine(drawn.ToString());
        Assert.InRange(drawn.History, 71, 73);
        Assert.Equal(drawn.History.ToString(), await chart.GetAttributeAsync("data-history-points"));
        Assert.Equal("12", await chart.GetAttributeAsync("data-forecast-points"));
        Assert.Equal(12, drawn.Lower);
        Assert.Equal(12, drawn.Upper);
        Assert.Equal(13, drawn.Forecast); // joined to the last stored bucket
        // What the canvas shows: the line's colour where each stored bucket is, the band's inside each forecast interval.
        Assert.Equal(drawn.History, drawn.HistoryPixels);
        Assert.True(drawn.BandPixels >= 10, $"the band is painted at {drawn.BandPixels} of 12 forecast steps");
        Assert.Contains("95% interval", await page.Locator("#chart-status").TextContentAsync());
        await Browser.ScreenshotAsync(page, "activity-chart.png", output, "#camera-view");

        // A camera with nothing recorded says so instead of drawing an empty frame.
        await page.Locator($"#camera-list li[data-id='{System.Cameras[6]}']").ClickAsync();
        await page.WaitForSelectorAsync("#chart[data-state='empty']");
        Assert.Equal("No history yet", await chart.Locator(".empty").TextContentAsync());
        Assert.Equal(0, await chart.Locator("canvas").CountAsync());
        Assert.Equal("0", await chart.GetAttributeAsync("data-history-points"));

        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    /// <summary>
    /// Counts of the uPlot instance's series, and of the canvas pixels painted where they should be: the history
    /// line's colour within 2 px of each stored bucket, the band's translucent blue three quarters of the way up each forecast interval.
    /// </summary>
    private sealed class DrawnChart
    {
        public int History { get; init; }

        public int Forecast { get; init; }

        public int Lower { get; init; }

        public int Upper { get; init; }

        public int HistoryPixels { get; init; }

        public int BandPixels { get; init; }

        public override string ToString() =>
            $"history {History} ({HistoryPixels} drawn), forecast {Forecast}, bounds {Lower}/{Upper} (band painted at {BandPixels})";

        public const string Script = """
            container => {
              const u = container.chart;
              const count = i => u.data[i].filter(v => v !== null).length;
              const ctx = u.ctx;
              const near = (x, y, test) => {
                const pixels = ctx.getImageData(Math.round(x) - 2, Math.round(y) - 2, 5, 5).data;
                for (let p = 0; p < pixels.length; p += 4) if (test(pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3])) return true;
                return false;
              };
              const dark = (r, g, b, a) => a > 200 && r < 90 && g < 90 && b < 110;
              // The band is translucent (alpha 0.2); the dashed forecast line through it is opaque.
              const tinted = (r, g, b, a) => a > 20 && a < 120 && b > r + 15;
              let historyPixels = 0, bandPixels = 0;
              u.data[0].forEach((t, i) => {
                const x = u.valToPos(t, 'x', true);
                // An unusual bucket's red dot is drawn over its bucket's.
                const marked = u.data[5][i] !== null ? (r, g, b, a) => dark(r, g, b, a) || (a > 200 && r > 150 && g < 90 && b < 90) : dark;
                if (u.data[1][i] !== null && near(x, u.valToPos(u.data[1][i], 'y', true), marked)) historyPixels++;
                if (u.data[3][i] !== null && near(x, u.valToPos((u.data[3][i] + 3 * u.data[4][i]) / 4, 'y', true), tinted)) bandPixels++;
              });
              return { history: count(1), forecast: count(2), lower: count(3), upper: count(4), historyPixels, bandPixels };
            }
            """;
    }
}
