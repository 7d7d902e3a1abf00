using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VibeCheck.Grains.Interfaces.Alerts;
using VibeCheck.Integration.Tests.Alerts;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// Redis stopped for a minute (<c>VIBECHECK_OUTAGE_SECONDS</c>, default 60) while cameras poll, open and resolve
/// violation episodes, alerts go out and 16 clients read: measured, cameras keep polling and opening episodes, and
/// nothing accepted may be lost.
/// </summary>
public sealed class RedisOutageDrillTests(ITestOutputHelper output)
{
    private const int Readers = 16;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Redis_down_for_a_minute_under_load_degrades_health_keeps_reads_and_loses_nothing()
    {
        var outage = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("VIBECHECK_OUTAGE_SECONDS") ?? "60", CultureInfo.InvariantCulture));
        await using var redis = await RedisServer.StartAsync(persistent: true);
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var system = await VibeCheckCluster.StartAsync(
            cameraCount: 4, silos: 2, redisConnection: redis.ConnectionString,
            settings: DrillScene.Settings(webhook, smtp), setUpReplay: DrillScene.SetUpReplay);
        await DrillScene.SetZonesAsync(system);
        await using var ledger = new DrillLedger(system, webhook);
        await using var load = ReadLoad.Start(system, Readers);

        await VibeCheckCluster.WaitUntilAsync(
            async () => (await ledger.AcceptedAsync()).Count >= 2 && webhook.AcceptedMentioning("ViolationDetected").Count > 0,
            Bound, "episodes opening and their alerts reaching the webhook before the outage");
        var acceptedBefore = (await ledger.AcceptedAsync()).Count;

        // Redis goes away.
        load.Phase = "outage";
        await redis.StopProcessAsync();
        var down = Stopwatch.StartNew();
        var degradedAfter = await TimeUntilAsync(async () =>
        {
            using var response = await system.Http.GetAsync("/health");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return false;
            }

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return problem.GetProperty("failing").EnumerateArray().Any(e => e.GetString() == "redis");
        }, TimeSpan.FromSeconds(30), "/health to answer 503 naming redis");

        // Writes during the outage: one writer asks for a frame to be processed every 2 s; each is accepted by its grain
        // and kept in memory for Redis.
        var writes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var fetchesAtStop = system.Replay.TotalImageRequests;
        using var stopWrites = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stopWrites.IsCancellationRequested; n++)
            {
                writes.AddOrUpdate(await WriteAsync(system, system.Cameras[n % system.Cameras.Count]), 1, (_, c) => c + 1);
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        });
        await Task.Delay(outage - down.Elapsed);
        var acceptedDuring = (await ledger.AcceptedAsync()).Count;
        var fetchesDuring = system.Replay.TotalImageRequests - fetchesAtStop;
        var healthDuring = (await system.Http.GetAsync("/health")).StatusCode;

        // Redis comes back with its data (append-only file).
        load.Phase = "recovery";
        await redis.StartProcessAsync();
        var outageLasted = down.Elapsed;
        await stopWrites.CancelAsync();
        var up = Stopwatch.StartNew();
        var healthyAfter = await TimeUntilAsync(
            async () => (await system.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, Bound, "/health to recover");
        load.Phase = "after";
        var handedOffAfter = await TimeUntilAsync(async () => await ledger.PendingReportsAsync() == 0, Bound, "cameras to hand off the reports held during the outage");
        var alertedAfter = await TimeUntilAsync(
            () => Task.FromResult(webhook.AcceptedMentioning("\"alertname\":\"RedisUnreachable\"").Count > 0), Bound, "the RedisUnreachable alert at the webhook");

        await writer;

        // Let the system run on Redis again until it accepted episodes after the outage began, then empty the streets so
        // every episode ends and the books close.
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await ledger.AcceptedAsync()).Count > acceptedBefore, Bound, "episodes accepted after the outage began");
        await load.StopAsync();
        DrillScene.EmptyStreets(system);
        await VibeCheckCluster.WaitUntilAsync(
            async () => (await ledger.AcceptedAsync()).Values.All(s => s == "resolved"), Bound, "every episode to resolve on empty streets");
        DrillAccount account = null!;
        var settledAfter = await TimeUntilAsync(async () => (account = await ledger.AccountAsync()).Problems.Count == 0, Bound, "every accepted episode and alert in Redis, the warehouse and the webhook",
            () => account?.ToString() ?? "");

        output.WriteLine($"Redis down {outageLasted.TotalSeconds:F1} s; /health 503 naming redis {degradedAfter.TotalSeconds:F1} s after the stop; still {(int)healthDuring} at the end of the outage");
        output.WriteLine($"after Redis restarted: /health 200 in {healthyAfter.TotalSeconds:F1} s, held reports handed off in {handedOffAfter.TotalSeconds:F1} s, RedisUnreachable at the webhook in {alertedAfter.TotalSeconds:F1} s, everything accounted for in {settledAfter.TotalSeconds:F1} s (from the restart: {up.Elapsed.TotalSeconds:F1} s)");
        foreach (var phase in new[] { "before", "outage", "recovery", "after" })
        {
            output.WriteLine("reads " + load.Describe(phase));
        }

        output.WriteLine($"writes (POST /process) during the outage: {string.Join(", ", writes.Select(w => $"{w.Key}: {w.Value}"))}");
        output.WriteLine($"episodes accepted: {acceptedBefore} before the outage, {acceptedDuring} by its end; {fetchesDuring} image fetches during the outage");
        output.WriteLine($"RedisUnreachable: webhook {webhook.AcceptedMentioning("RedisUnreachable").Count} accepted, email {smtp.Mentioning("RedisUnreachable").Count}");
        output.WriteLine(account.ToString());
        var redisAlert = Assert.Single(await system.Grains.GetGrain<IAlertGrain>(IAlertGrain.Key)
            .List(new AlertQuery(null, null, null)), a => a.Name == "RedisUnreachable");
        output.WriteLine($"RedisUnreachable alert {redisAlert.Id}: {redisAlert.Status}, {redisAlert.StartsAt:HH:mm:ss} to {redisAlert.EndsAt:HH:mm:ss}");
        output.WriteLine($"data lost: {account.Problems.Count}");

        Assert.Empty(account.Problems);
        Assert.True(account.Accepted > acceptedBefore, "episodes kept being accepted during and after the outage");
        // Cameras go on polling and analysing while Redis is away (state and hand-offs wait in memory): at least half
        // the polls due, and new episodes open, instead of each poll waiting ~5 s for its failed writes.
        var pollsDue = system.Cameras.Count * outage.TotalSeconds / 2;
        Assert.True(fetchesDuring >= pollsDue / 2, $"{fetchesDuring} image fetches during the outage, {pollsDue:F0} due");
        Assert.True(acceptedDuring > acceptedBefore, $"no episode opened during the outage ({acceptedBefore} before, {acceptedDuring} at its end)");
        Assert.NotEmpty(smtp.Mentioning("RedisUnreachable"));
        Assert.Equal("resolved", redisAlert.Status);
        Assert.Equal(0, load.Failed("outage"));
        Assert.Equal(0, load.Failed("after"));
    }

    private static async Task<string> WriteAsync(VibeCheckCluster system, Guid camera)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            using var response = await system.Http.PostAsync($"/process/camera/{camera}", null, timeout.Token);
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.GetType().Name;
        }
    }

    /// <summary>How long until the condition held (polling); fails after the bound with <paramref name="state"/>.</summary>
    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition, TimeSpan bound, string what, Func<string>? state = null)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await VibeCheckCluster.WaitUntilAsync(async () =>
            {
                try
                {
                    return await condition();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Orleans.Runtime.OrleansException)
                {
                    return false;
                }
            }, bound, what);
        }
        catch (TimeoutException e) when (state is not null)
        {
            throw new TimeoutException($"{e.Message}; last seen: {state()}", e);
        }

        return clock.Elapsed;
    }
}
