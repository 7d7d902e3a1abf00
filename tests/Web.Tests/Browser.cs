using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>Debian's headless chromium under Playwright, and screenshots saved under <c>screenshots/</c> in the test output folder.</summary>
public static class Browser
{
    public const float Bound = 30_000;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) => await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });

    /// <summary>A page of a fresh context (its own sessionStorage) whose script errors are collected in <paramref name="problems"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, List<string> problems)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.SetDefaultTimeout(Bound);
        return page;
    }

    /// <summary>The element <paramref name="selector"/>, else the whole page, or only the viewport when <paramref name="fullPage"/> is false.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, ITestOutputHelper output, string? selector = null, bool fullPage = true)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (selector is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }

        Assert.True(new FileInfo(path).Length > 5_000, $"{path} holds a real picture");
        output.WriteLine($"screenshot: {path}");
    }
}
