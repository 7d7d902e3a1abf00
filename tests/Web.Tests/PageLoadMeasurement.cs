using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The page's first load on loopback (HTML, scripts, styles, borough outlines, camera list) until it says it is
/// ready, cold (a fresh browser context) against warm (a reload that revalidates), 5 of each, medians printed for
/// BENCHMARKS.md. Nothing about time is asserted: the figures depend on the machine; what is checked is what loaded.
/// </summary>
[Collection(WebClusterCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class PageLoadMeasurement(WebClusterFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 5;

    [ChromiumFact]
    public async Task First_load_of_the_page_cold_and_warm()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var cold = new List<double>();
        var warm = new List<double>();
        JsonElement resources = default;
        for (var run = 0; run < Runs; run++)
        {
            var page = await Browser.NewPageAsync(browser, problems);
            cold.Add(await LoadAsync(page, () => page.GotoAsync(fixture.System.GatewayUrl.ToString())));
            resources = await page.EvaluateAsync<JsonElement>(
                "() => performance.getEntriesByType('resource').map(r => ({ name: new URL(r.name).pathname, bytes: r.encodedBodySize, ms: Math.round(r.duration) }))");
            warm.Add(await LoadAsync(page, () => page.ReloadAsync()));
            await page.Context.CloseAsync();
        }

        var loaded = resources.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "/app.js", "/map.js", "/chart.js", "/lib/leaflet/leaflet.js", "/lib/uplot/uPlot.iife.min.js", "/map/boroughs.geojson", "/cameras" }, loaded);
        foreach (var resource in resources.EnumerateArray().Where(r => r.GetProperty("name").GetString() != "/events"))
        {
            output.WriteLine($"{resource.GetProperty("name").GetString(),-32} {resource.GetProperty("bytes").GetInt64() / 1024.0,8:F1} KB {resource.GetProperty("ms").GetDouble(),6:F0} ms");
        }

        output.WriteLine($"cold load to ready: median {Median(cold):F0} ms ({string.Join(", ", cold.Select(c => c.ToString("F0")))})");
        output.WriteLine($"warm reload to ready: median {Median(warm):F0} ms ({string.Join(", ", warm.Select(c => c.ToString("F0")))})");
        output.WriteLine($"cold / warm: {Median(cold) / Median(warm):F2}");
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private static async Task<double> LoadAsync(IPage page, Func<Task> navigate)
    {
        var clock = Stopwatch.StartNew();
        await navigate();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
