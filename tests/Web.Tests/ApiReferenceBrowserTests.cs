using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>The interactive API reference (Scalar) in a real browser, under its Content-Security-Policy.</summary>
[Collection(WebClusterCollection.Name)]
public sealed class ApiReferenceBrowserTests(WebClusterFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Scalar's auth "Name" field is a combobox without aria-expanded: its own markup, which its HTML does not let us
    /// change. The one axe finding this test accepts, on that element only.
    /// </summary>
    private static readonly (string Rule, string Selector)[] ScalarOwnDefects = [("aria-required-attr", ".code-input-lite__editor")];

    private VibeCheckCluster System => fixture.System;

    [ChromiumFact]
    public async Task Reference_lists_the_operations_offers_the_api_key_and_loads_nothing_from_other_origins()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(System.GatewayUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(System.GatewayUrl, "scalar/v1").ToString());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        // Every operation of the OpenAPI document is listed, by its summary.
        var document = await System.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var summaries = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Select(operation => operation.Value.TryGetProperty("summary", out var summary) ? summary.GetString() : null)
            .OfType<string>()
            .ToList();
        Assert.True(summaries.Count >= 20, $"{summaries.Count} operations with a summary");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('/cameras')");
        // The sidebar opens one group; open the others.
        var closedGroups = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open Group" });
        for (var guard = 0; guard < 50 && await closedGroups.CountAsync() > 0; guard++)
        {
            await closedGroups.First.ClickAsync();
        }

        var listed = await page.EvaluateAsync<int>("summaries => summaries.filter(s => document.body.innerText.includes(s)).length", summaries);
        Assert.Equal(summaries.Count, listed);

        // The API-key header is offered, from the document's security scheme.
        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        await page.WaitForSelectorAsync("text=Selected Auth Type: ApiKey");
        Assert.Equal("X-Api-Key", (await page.Locator(".code-input-lite__editor[aria-labelledby$='-label']").First.TextContentAsync())?.Trim());
        // Its one long page is many screens tall: the first screen shows what matters.
        await Browser.ScreenshotAsync(page, "api-reference.png", output, fullPage: false);

        var findings = await Accessibility.SeriousFindingsAsync(page, ScalarOwnDefects);
        Assert.True(findings.Count == 0, "accessibility: " + string.Join(" | ", findings));
        Assert.Empty(elsewhere);
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }
}
