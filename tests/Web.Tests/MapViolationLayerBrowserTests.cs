using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;
using static VibeCheck.Integration.Tests.Analytics.AnalyticsHttp;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The live map's violations layer in a real browser over seeded warehouse rows: off at first, turned on and its range
/// changed with the keyboard, each range's circles carrying exactly the warehouse's counts per camera and type (SQL over
/// the range the page shows), a circle's tooltip naming them, and axe finding nothing serious.
/// </summary>
[Collection(WebClusterCollection.Name)]
public sealed class MapViolationLayerBrowserTests(WebClusterFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string Table = "vibecheck_analytics.realtime_violations";
    private readonly HttpClient _admin = fixture.System.NewClient(VibeCheckCluster.AdminKey);

    private VibeCheckCluster System => fixture.System;

    public void Dispose() => _admin.Dispose();

    [ChromiumFact]
    public async Task Layer_shows_the_warehouses_violations_per_camera_for_the_chosen_range()
    {
        var seed = await ViolationLayerSeed.WriteAsync(System, System.Cameras[0], System.Cameras[1]);
        var registry = (await System.GetJsonAsync<JsonElement>("/cameras")).GetProperty("cameras").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("name").GetString()!);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal("off", await page.Locator("#violation-layer").GetAttributeAsync("data-state"));
        Assert.Equal(0, await page.Locator("#map path.violation-marker").CountAsync());

        // On with the keyboard: the checkbox by Space, the last 24 hours chosen at first.
        await page.Locator("#violations-shown").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        var day = await ShownAfterAsync(page, "24h", seed, registry);
        Assert.Equal(
            $"{registry[seed.Near]}: {Expected(day, seed.Near)} in the last 24 hours ({Types(day[seed.Near])})",
            await TooltipAsync(page, seed.Near, seed.Far));

        var findings = await Accessibility.SeriousFindingsAsync(page);
        await Browser.ScreenshotAsync(page, "map-violations.png", output, ".map-pane");

        // The arrow keys move along the range radios: left to the last hour, then right twice to the last 7 days.
        await page.Locator("input[name='violation-range'][value='24h']").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        var hour = await ShownAfterAsync(page, "1h", seed, registry);
        Assert.False(hour.ContainsKey(seed.Far), "the far camera has nothing in the last hour");
        await page.Keyboard.PressAsync("ArrowRight");
        await ShownAfterAsync(page, "24h", seed, registry);
        await page.Keyboard.PressAsync("ArrowRight");
        var week = await ShownAfterAsync(page, "7d", seed, registry);
        Assert.True(week[seed.Far].Values.Sum() > day[seed.Far].Values.Sum(), "7 days hold the far camera's 3-day-old violation");
        findings = [.. findings, .. await Accessibility.SeriousFindingsAsync(page)];

        // A camera of the list opens with Enter; off again, the circles go.
        await page.Locator($"#violation-layer-list li[data-id='{seed.Near}'] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"#camera-view[data-id='{seed.Near}']:not([hidden])");
        await page.Locator("#violations-shown").UncheckAsync();
        await page.WaitForSelectorAsync("#violation-layer[data-state='off']");
        Assert.Equal(0, await page.Locator("#map path.violation-marker").CountAsync());
        Assert.True(findings.Count == 0, "accessibility: " + string.Join(" | ", findings));
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    /// <summary>
    /// Waits for the layer to show <paramref name="range"/>, then checks its circles and list against SQL over the range
    /// it shows and the seeded counts; answers camera → type → count as drawn.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, long>>> ShownAfterAsync(
        IPage page, string range, ViolationLayerSeed seed, IReadOnlyDictionary<string, string> registry)
    {
        var form = page.Locator($"#violation-layer[data-state='ready'][data-range='{range}']");
        await form.WaitForAsync();
        var from = DateTimeOffset.Parse((await form.GetAttributeAsync("data-from"))!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse((await form.GetAttributeAsync("data-to"))!, CultureInfo.InvariantCulture);
        Assert.Equal(range switch { "1h" => TimeSpan.FromHours(1), "24h" => TimeSpan.FromDays(1), _ => TimeSpan.FromDays(7) }, to - from);

        var drawn = (await page.Locator("#map path.violation-marker").EvaluateAllAsync<string[][]>(
                "paths => paths.map(p => [p.dataset.id, p.dataset.count, p.dataset.types])"))
            .ToDictionary(p => p[0], p => (Count: long.Parse(p[1], CultureInfo.InvariantCulture),
                Types: p[2].Split(' ').Select(t => t.Split(':')).ToDictionary(t => t[0], t => long.Parse(t[1], CultureInfo.InvariantCulture))));
        var where = $"started_at >= TIMESTAMP '{from.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND started_at < TIMESTAMP '{to.UtcDateTime:yyyy-MM-dd HH:mm:ss}'";
        var sql = (await QueryOkAsync(_admin, $"SELECT camera_id, violation_type, count(*) FROM {Table} WHERE {where} GROUP BY 1, 2"))
            .GetProperty("rows").EnumerateArray().Select(r => (Camera: r[0].GetString()!, Type: r[1].GetString()!, Count: r[2].GetInt64())).ToList();

        // Exactly the warehouse's cells for the cameras on the map, and a circle's count is the sum of its types.
        static IEnumerable<string> Cells(IEnumerable<(string Camera, string Type, long Count)> cells) =>
            cells.Select(c => $"{c.Camera} {c.Type} {c.Count}").Order(StringComparer.Ordinal);
        Assert.Equal(Cells(sql.Where(c => registry.ContainsKey(c.Camera))),
            Cells(drawn.SelectMany(d => d.Value.Types.Select(t => (d.Key, t.Key, t.Value)))));
        Assert.All(drawn, d => Assert.Equal(d.Value.Types.Values.Sum(), d.Value.Count));

        // The seeded cells, as seeded; the camera off the map is counted in the status line, not drawn.
        var expected = seed.Expected(range);
        foreach (var camera in new[] { seed.Near, seed.Far })
        {
            var seeded = (drawn.TryGetValue(camera, out var circle) ? circle.Types : []).Where(t => t.Key == seed.TypeA || t.Key == seed.TypeB);
            Assert.Equal(Pairs(expected.GetValueOrDefault(camera) ?? new Dictionary<string, long>()), Pairs(seeded));
        }

        Assert.False(drawn.ContainsKey(seed.Elsewhere));
        Assert.Contains(sql, c => c.Camera == seed.Elsewhere);
        var total = sql.Sum(c => c.Count);
        var onMap = drawn.Values.Sum(d => d.Count);
        var text = range switch { "1h" => "the last hour", "24h" => "the last 24 hours", _ => "the last 7 days" };
        Assert.Equal($"{total} violations in {text} at {drawn.Count} camera{(drawn.Count == 1 ? "" : "s")} on the map, {total - onMap} at cameras not on the map.",
            await page.Locator("#violation-layer-status").TextContentAsync());
        var listed = await page.Locator("#violation-layer-list li").EvaluateAllAsync<string[][]>(
            "items => items.map(i => [i.dataset.id, i.querySelector('.count').textContent])");
        Assert.Equal(drawn.OrderByDescending(d => d.Value.Count).ThenBy(d => d.Key, StringComparer.Ordinal).Take(10).Select(d => $"{d.Key} {d.Value.Count}"),
            listed.Select(l => $"{l[0]} {l[1]}"));
        output.WriteLine($"{range}: {drawn.Count} cameras, {onMap} of {total} violations drawn; near {string.Join(", ", drawn[seed.Near].Types)}");
        return drawn.ToDictionary(d => d.Key, d => d.Value.Types);
    }

    private static IEnumerable<string> Pairs(IEnumerable<KeyValuePair<string, long>> counts) =>
        counts.Select(c => $"{c.Key}={c.Value}").Order(StringComparer.Ordinal);

    private static string Expected(Dictionary<string, Dictionary<string, long>> shown, string camera)
    {
        var count = shown[camera].Values.Sum();
        return $"{count} violation{(count == 1 ? "" : "s")}";
    }

    private static string Types(Dictionary<string, long> types) => string.Join(", ", types
        .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key.Replace('_', ' ')} {t.Value}"));

    /// <summary>
    /// Zooms in (mouse wheel) until the two cameras' circles stand apart, then hovers the first one's circle on the side
    /// away from the second, off its camera dot: the tooltip shown.
    /// </summary>
    private static async Task<string> TooltipAsync(IPage page, string camera, string neighbour)
    {
        var (circle, other) = (page.Locator($"#map path.violation-marker[data-id='{camera}']"), page.Locator($"#map path.violation-marker[data-id='{neighbour}']"));
        for (var step = 0; step < 12; step++)
        {
            var (a, b) = (await BoxAsync(circle), await BoxAsync(other));
            if (Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2)) > a.R + b.R + 10)
            {
                break;
            }

            await page.Mouse.MoveAsync((float)a.X, (float)a.Y);
            await page.Mouse.WheelAsync(0, -240);
            await page.WaitForTimeoutAsync(400); // Leaflet debounces wheel zoom by 40 ms and animates for 250 ms.
        }

        var (x, y, r) = await BoxAsync(circle);
        var (ox, oy, _) = await BoxAsync(other);
        var length = Math.Sqrt(Math.Pow(x - ox, 2) + Math.Pow(y - oy, 2));
        await page.Mouse.MoveAsync((float)(x + ((x - ox) / length * (r - 3))), (float)(y + ((y - oy) / length * (r - 3))));
        // The camera dot's own tooltip ("name (health)") may still be up from the zooming over it.
        var tooltip = page.Locator(".leaflet-tooltip", new PageLocatorOptions { HasText = " in the last " });
        await tooltip.WaitForAsync();
        return (await tooltip.TextContentAsync())!;
    }

    private static async Task<(double X, double Y, double R)> BoxAsync(ILocator circle)
    {
        var box = await circle.BoundingBoxAsync() ?? throw new InvalidOperationException("circle not drawn");
        return (box.X + (box.Width / 2), box.Y + (box.Height / 2), box.Width / 2);
    }
}
