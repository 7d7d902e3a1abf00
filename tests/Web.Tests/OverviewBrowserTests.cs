using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The overview page in a real browser over seeded warehouse rows: its tables hold the warehouse's numbers (SQL over the
/// same range), the range selector changes them, each chart's CSV download has the chart's rows, a top camera opens
/// on the live page, and axe finds nothing serious.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class OverviewBrowserTests(WebClusterFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string Table = "vibecheck_analytics.realtime_violations";
    private static readonly string[] CategoryTables = ["by-type-table", "by-borough-table", "top-cameras-table"];
    private readonly HttpClient _admin = fixture.System.NewClient(VibeCheckCluster.AdminKey);

    private VibeCheckCluster System => fixture.System;

    public void Dispose() => _admin.Dispose();

    [ChromiumFact]
    public async Task Numbers_shown_equal_the_warehouses_for_the_range_and_the_range_selector_changes_them()
    {
        var seed = await OverviewSeed.WriteAsync(System, System.Cameras[5].ToString());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await OpenAsync(browser, problems);

        var day = await ShownAsync(page);
        await AssertEqualsWarehouseAsync(page, day, "hour");
        Assert.DoesNotContain(seed.OldType, (await RowsAsync(page, "by-type-table")).Select(r => r.Key));
        Assert.Equal(seed.TopCamera, (await RowsAsync(page, "top-cameras-table"))[0].Key);

        await page.Locator("input[name='range'][value='7d']").CheckAsync();
        await page.WaitForSelectorAsync("#overview[data-state='ready'][data-range='7d']");
        var week = await ShownAsync(page);
        await AssertEqualsWarehouseAsync(page, week, "day");
        Assert.Contains((seed.OldType, 1L), await RowsAsync(page, "by-type-table"));
        Assert.True(week.From < day.From, $"7 days start before 24 hours: {week.From:O} vs {day.From:O}");

        // A custom range of the seeded old day alone shows its one violation and nothing of the last hours.
        await page.Locator("input[name='range'][value='custom']").CheckAsync();
        var oldDay = DateTimeOffset.UtcNow.AddDays(-3).UtcDateTime.Date;
        await page.Locator("#range-from").FillAsync($"{oldDay:yyyy-MM-dd}T00:00");
        await page.Locator("#range-to").FillAsync($"{oldDay.AddDays(1):yyyy-MM-dd}T00:00");
        await page.Locator("#range-apply").ClickAsync();
        await page.WaitForSelectorAsync("#overview[data-state='ready'][data-range='custom']");
        var custom = await ShownAsync(page);
        Assert.Equal(new DateTimeOffset(oldDay, TimeSpan.Zero), custom.From);
        await AssertEqualsWarehouseAsync(page, custom, "hour");
        Assert.Contains((seed.OldType, 1L), await RowsAsync(page, "by-type-table"));
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    [ChromiumFact]
    public async Task Each_charts_csv_download_has_the_charts_rows()
    {
        await OverviewSeed.WriteAsync(System, System.Cameras[5].ToString());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await OpenAsync(browser, problems);
        await page.Locator("input[name='range'][value='7d']").CheckAsync();
        await page.WaitForSelectorAsync("#overview[data-state='ready'][data-range='7d']");

        foreach (var (series, table, header) in new[]
                 {
                     ("time", "over-time-table", "day"), ("type", "by-type-table", "type"),
                     ("borough", "by-borough-table", "borough"), ("camera", "top-cameras-table", "camera"),
                 })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"button.csv[data-series='{series}']").ClickAsync());
            var text = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename);
            // Keys here hold no commas, quotes or line breaks: a split reads the RFC 4180 text faithfully.
            var lines = text.TrimEnd('\r', '\n').Split("\r\n").Select(l => l.Split(',')).ToList();
            Assert.Equal([header, "violations", "averageConfidence"], lines[0]);
            var rows = await RowsAsync(page, table);
            Assert.NotEmpty(rows);
            Assert.Equal(rows, lines.Skip(1).Select(l => (l[0], long.Parse(l[1], CultureInfo.InvariantCulture))).ToList());
            output.WriteLine($"{download.SuggestedFilename}: {rows.Count} rows");
        }

        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    [ChromiumFact]
    public async Task Overview_is_keyboard_usable_has_no_serious_axe_findings_and_a_top_camera_opens_on_the_live_page()
    {
        var seed = await OverviewSeed.WriteAsync(System, System.Cameras[5].ToString());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await OpenAsync(browser, problems);

        Assert.Empty(await Accessibility.SeriousFindingsAsync(page));
        await Browser.ScreenshotAsync(page, "overview.png", output);

        // The range radios work with the arrow keys: two steps from 24 hours reach 30 days.
        await page.Locator("input[name='range'][value='24h']").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForSelectorAsync("#overview[data-state='ready'][data-range='30d']");
        Assert.Equal("day", await page.Locator("#overview").GetAttributeAsync("data-bucket"));
        Assert.Empty(await Accessibility.SeriousFindingsAsync(page));

        // The camera link is reached by Tab and followed by Enter; the live page opens that camera's view.
        var link = page.Locator($"#top-cameras-table tr[data-key='{seed.TopCamera}'] a");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"#camera-view[data-id='{seed.TopCamera}']:not([hidden])");
        Assert.EndsWith($"#camera={seed.TopCamera}", page.Url);
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private async Task<IPage> OpenAsync(IBrowser browser, List<string> problems)
    {
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(new Uri(System.GatewayUrl, "overview.html").ToString());
        await page.WaitForSelectorAsync("#overview[data-state='ready'][data-range='24h']");
        Assert.Equal("", await page.Locator("#overview-status").TextContentAsync());
        Assert.True(await page.Locator("#key-form").IsHiddenAsync(), "this gateway reads without a key: no key is asked for");
        return page;
    }

    private static async Task<(DateTimeOffset From, DateTimeOffset To)> ShownAsync(IPage page)
    {
        var main = page.Locator("#overview");
        return (DateTimeOffset.Parse((await main.GetAttributeAsync("data-from"))!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((await main.GetAttributeAsync("data-to"))!, CultureInfo.InvariantCulture));
    }

    /// <summary>The rows of one of the page's tables as shown: key and count.</summary>
    private static async Task<List<(string Key, long Count)>> RowsAsync(IPage page, string table)
    {
        var rows = await page.EvaluateAsync<JsonElement>(
            "id => [...document.querySelectorAll(`#${id} tbody tr[data-key]`)].map(r => [r.dataset.key, Number(r.querySelector('.count').textContent)])", table);
        return rows.EnumerateArray().Select(r => (r[0].GetString()!, r[1].GetInt64())).ToList();
    }

    private async Task AssertEqualsWarehouseAsync(IPage page, (DateTimeOffset From, DateTimeOffset To) range, string bucket)
    {
        Assert.Equal(bucket, await page.Locator("#overview").GetAttributeAsync("data-bucket"));
        var where = $"started_at >= TIMESTAMP '{range.From.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND started_at < TIMESTAMP '{range.To.UtcDateTime:yyyy-MM-dd HH:mm:ss}'";
        var time = bucket == "hour" ? "strftime(started_at, '%Y-%m-%dT%H') || ':00:00Z'" : "CAST(CAST(started_at AS DATE) AS VARCHAR) || 'T00:00:00Z'";
        Assert.Equal(await CountAsync(_admin, $"SELECT count(*) FROM {Table} WHERE {where}"), long.Parse((await page.Locator("#total").TextContentAsync())!, CultureInfo.InvariantCulture));
        Assert.Equal(await SqlAsync($"SELECT {time}, count(*) FROM {Table} WHERE {where} GROUP BY 1 ORDER BY 1"), await RowsAsync(page, "over-time-table"));
        var expected = new[]
        {
            $"SELECT violation_type, count(*) FROM {Table} WHERE {where} GROUP BY 1 ORDER BY 1",
            $"SELECT coalesce(borough, 'unknown'), count(*) FROM {Table} WHERE {where} GROUP BY 1 ORDER BY 1",
            $"SELECT camera_id, count(*) FROM {Table} WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
        };
        foreach (var (table, sql) in CategoryTables.Zip(expected))
        {
            Assert.Equal(await SqlAsync(sql), await RowsAsync(page, table));
        }

        output.WriteLine($"{range.From:O} .. {range.To:O} by {bucket}: equal to SQL");
    }

    private async Task<List<(string Key, long Count)>> SqlAsync(string sql) =>
        (await QueryOkAsync(_admin, sql)).GetProperty("rows").EnumerateArray().Select(r => (r[0].GetString()!, r[1].GetInt64())).ToList();
}
