using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// A gateway configured with <c>Auth:RequireKeyForReads</c>: <c>/events</c> takes the key only in the X-Api-Key header,
/// and the page, given the key, still receives live updates (it reads the stream with fetch, not EventSource).
/// </summary>
public sealed class KeyedReadsBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private VibeCheckCluster _system = null!;

    public async Task InitializeAsync() => _system = await VibeCheckCluster.StartAsync(
        cameraCount: 2, settings: new Dictionary<string, string?> { ["Auth:RequireKeyForReads"] = "true" });

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Events_without_a_key_answer_401_problem_and_a_key_in_the_query_string_is_not_one()
    {
        using var anonymous = _system.NewClient(null);
        foreach (var path in new[] { "/events", $"/events?api_key={VibeCheckCluster.WriterKey}", $"/events?X-Api-Key={VibeCheckCluster.WriterKey}" })
        {
            // As the page asks: its stream reader accepts text/event-stream only, and the refusal must still be a problem document.
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(response.Headers.WwwAuthenticate);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }

        using var keyed = await _system.Http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal("text/event-stream", keyed.Content.Headers.ContentType?.MediaType);
    }

    [ChromiumFact]
    public async Task Page_given_the_key_receives_live_updates_with_the_key_in_a_header_only()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var problems = new List<string>();
        var page = await Browser.NewPageAsync(browser, problems);
        var eventRequests = new ConcurrentQueue<Microsoft.Playwright.IRequest>();
        var keyInUrl = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains(VibeCheckCluster.WriterKey, StringComparison.Ordinal))
            {
                keyInUrl.Enqueue(request.Url);
            }

            if (new Uri(request.Url).AbsolutePath == "/events")
            {
                eventRequests.Enqueue(request);
            }
        };

        // Without a key the page cannot read: it asks for one, then loads with it.
        await page.GotoAsync(_system.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("#key-dialog[open]");
        await page.WaitForFunctionAsync("() => document.getElementById('live-status').textContent.includes('API key needed')");
        await page.Locator("#key-input").FillAsync(VibeCheckCluster.WriterKey);
        await page.Locator("#key-save").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal(2, await page.Locator("#camera-list li.camera-item").CountAsync());

        // The key restarted the stream: connected, and a camera's poll arrives without reloading.
        await page.WaitForSelectorAsync("#live-status.on");
        var camera = _system.Cameras[1];
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await _system.Http.PostAsync($"/process/camera/{camera}", null);
            return await page.Locator("#live-count").GetAttributeAsync("data-last-camera") == camera.ToString();
        }, TimeSpan.FromSeconds(30), "a live update in the page of a gateway that needs keys for reads");
        Assert.Equal("frame_processed", await page.Locator("#live-count").GetAttributeAsync("data-last-kind"));
        await Browser.ScreenshotAsync(page, "keyed-live.png", output);

        var requests = eventRequests.ToList();
        output.WriteLine($"{requests.Count} /events requests");
        Assert.True(requests.Count >= 2, "one refused before the key, one with it");
        Assert.False(requests[0].Headers.ContainsKey("x-api-key"));
        Assert.Equal(VibeCheckCluster.WriterKey, (await requests[^1].AllHeadersAsync())["x-api-key"]);
        Assert.Empty(keyInUrl);
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }
}
