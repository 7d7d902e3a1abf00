using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.TestSupport;

namespace VibeCheck.Web.Tests;

/// <summary>
/// axe-core (npm, a dev dependency of Gateway.Api/package.json) run inside the page: evaluated through the browser's
/// debugging protocol, which the page's CSP does not govern, so the page under test keeps its real policy.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "Gateway.Api", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>
    /// The serious and critical findings on the page as it is now, one line each (rule, help, first nodes), less the
    /// <paramref name="accepted"/> ones: a rule on elements matching a selector, each named with its reason by the caller.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousFindingsAsync(IPage page, params (string Rule, string Selector)[] accepted)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async accepted => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map(v => ({ ...v, nodes: v.nodes.filter(n => !accepted.some(a => a.rule === v.id && document.querySelector(n.target.join(' '))?.matches(a.selector))) }))
              .filter(v => v.nodes.length)
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
            """, accepted.Select(a => new { rule = a.Rule, selector = a.Selector }).ToArray());
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact")} {v.GetProperty("id")}: {v.GetProperty("help")} ({v.GetProperty("nodes")} nodes, e.g. {string.Join(", ", v.GetProperty("targets").EnumerateArray())})")];
    }
}
