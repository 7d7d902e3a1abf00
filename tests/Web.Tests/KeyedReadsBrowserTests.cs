using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VibeCheck.Gateway.Live;
using VibeCheck.Integration.Tests;
using Xunit.Abstractions;

namespace VibeCheck.Web.Tests;

/// <summary>
/// A gateway configured with <c>Auth:RequireKeyForReads</c>: <c>/events</c> takes the key only in the X-Api-Key header,
/// and the page, given the key, still receives live updates (it reads the stream with fetch, not EventSource).
/// </summary>
public sealed class KeyedReadsBrowserTests(KeyedReadsFixture fixture, ITestOutputHelper output) : IClassFixture<KeyedReadsFixture>
{
    private VibeCheckCluster System => fixture.System;

    [Fact]
    public async Task Events_without_a_key_answer_401_problem_and_a_key_in_the_query_string_is_not_one()
    {
        using var anonymous = System.NewClient(null);
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

        using var keyed = await System.Http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
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
        await page.GotoAsync(System.GatewayUrl.ToString());
        await page.WaitForSelectorAsync("#key-dialog[open]");
        await page.WaitForFunctionAsync("() => document.getElementById('live-status').textContent.includes('API key needed')");
        await page.Locator("#key-input").FillAsync(VibeCheckCluster.WriterKey);
        await page.Locator("#key-save").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal(2, await page.Locator("#camera-list li.camera-item").CountAsync());

        // The key restarted the stream: connected, and a camera's poll arrives without reloading.
        await page.WaitForSelectorAsync("#live-status.on");
        // A camera's first frame also turns it online, and that health event may arrive after the frame's: ask again
        // until the last event the page shows is the frame itself.
        var camera = System.Cameras[1];
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await System.Http.PostAsync($"/process/camera/{camera}", null);
            var live = page.Locator("#live-count");
            return await live.GetAttributeAsync("data-last-camera") == camera.ToString()
                && await live.GetAttributeAsync("data-last-kind") == "frame_processed";
        }, TimeSpan.FromSeconds(30), "a frame_processed update in the page of a gateway that needs keys for reads");
        await Browser.ScreenshotAsync(page, "keyed-live.png", output);

        // The gateway ends its streams, as it does when it stops: the page reconnects by itself, with the key, and
        // updates flow again.
        var hub = System.GatewayServices.GetRequiredService<LiveEventHub>();
        var connections = eventRequests.Count;
        hub.CloseAll();
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(eventRequests.Count > connections && hub.ClientCount >= 1), TimeSpan.FromSeconds(30), "the page reconnected to /events");
        await page.WaitForSelectorAsync("#live-status.on");
        var other = System.Cameras[0];
        await VibeCheckCluster.WaitUntilAsync(async () =>
        {
            await System.Http.PostAsync($"/process/camera/{other}", null);
            return await page.Locator("#live-count").GetAttributeAsync("data-last-camera") == other.ToString();
        }, TimeSpan.FromSeconds(30), "a live update after the page reconnected");

        var requests = eventRequests.ToList();
        output.WriteLine($"{requests.Count} /events requests");
        Assert.True(requests.Count >= 3, "one refused before the key, one with it, one after the gateway ended the stream");
        Assert.False(requests[0].Headers.ContainsKey("x-api-key"));
        Assert.Equal(VibeCheckCluster.WriterKey, (await requests[^1].AllHeadersAsync())["x-api-key"]);
        Assert.Empty(keyInUrl);
        Assert.True(problems.Count == 0, "browser errors: " + string.Join(" | ", problems));
    }
}

/// <summary>One system whose gateway needs a key for reads, shared by the tests of <see cref="KeyedReadsBrowserTests"/>.</summary>
public sealed class KeyedReadsFixture : IAsyncLifetime
{
    public VibeCheckCluster System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await VibeCheckCluster.StartAsync(
        cameraCount: 2, settings: new Dictionary<string, string?> { ["Auth:RequireKeyForReads"] = "true" });

    public async Task DisposeAsync() => await System.DisposeAsync();
}
