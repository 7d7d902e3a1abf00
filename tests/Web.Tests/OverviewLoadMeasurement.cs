using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// The overview's first load on loopback (HTML, scripts, uPlot, the overview's and status's data) until it says it is
/// ready, beside the live page's first load in the same run as the baseline: 5 cold loads of each (a fresh browser
/// context each), alternated, medians printed for BENCHMARKS.md. Nothing about time is asserted.
/// </summary>
[Collection(WebClusterCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class OverviewLoadMeasurement(WebClusterFixture fixture, ITestOutputHelper output)
{
    private const int Runs = 5;

    [ChromiumFact]
    public async Task First_load_of_the_overview_beside_the_live_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var overview = new List<double>();
        var live = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            live.Add(await ColdLoadAsync(browser, problems, ""));
            overview.Add(await ColdLoadAsync(browser, problems, "overview.html"));
        }

        output.WriteLine($"live page cold load to ready: median {Median(live):F0} ms ({string.Join(", ", live.Select(c => c.ToString("F0")))})");
        output.WriteLine($"overview cold load to ready: median {Median(overview):F0} ms ({string.Join(", ", overview.Select(c => c.ToString("F0")))})");
        output.WriteLine($"overview / live page: {Median(overview) / Median(live):F2}");
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }

    private async Task<double> ColdLoadAsync(IBrowser browser, List<string> problems, string path)
    {
        var page = await Browser.NewPageAsync(browser, problems);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(fixture.System.GatewayUrl, path).ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await page.Context.CloseAsync();
        return elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
