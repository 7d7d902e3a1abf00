using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>
/// Deliveries run outside the alert router's turns: while a receiver hangs on one alert, a new alert is planned and
/// delivered as if nothing hung (issue 13). Before, the router sent inside its timer turn, and every report waited
/// behind the hanging call until the attempt timed out.
/// </summary>
[Collection(AlertClusterCollection.Name)]
public sealed class AlertRouterResponsivenessTests(AlertClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_hanging_receiver_delays_neither_the_planning_nor_the_delivery_of_a_new_alert()
    {
        var system = fixture.System;
        var hanging = Episode.New();
        var fresh = Episode.New();
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = fixture.Webhook.Respond;
        fixture.Webhook.Respond = async (request, ct) =>
        {
            // Only the first notification of the hanging alert hangs (every attempt of it, under its key): later
            // group notifications may carry both alerts, and those are answered.
            if (request.Body.Contains(hanging.Id, StringComparison.Ordinal))
            {
                arrived.TrySetResult(request.IdempotencyKey);
            }

            if (!arrived.Task.IsCompleted || request.IdempotencyKey != arrived.Task.Result)
            {
                return await previous(request, ct);
            }

            // Hangs for 30 s; the fixture's webhook channel gives up after 5 s and retries later.
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return 200;
        };
        try
        {
            await hanging.ReportAsync(system.Grains, 0.7);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var sinceHangBegan = Stopwatch.StartNew();

            await fresh.ReportAsync(system.Grains, 0.7);
            while (!await PlannedAsync(fresh) && sinceHangBegan.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            var planned = sinceHangBegan.Elapsed;
            await VibeCheckCluster.WaitUntilAsync(
                () => Task.FromResult(fixture.Webhook.AcceptedMentioning(fresh.Id).Count > 0), TimeSpan.FromSeconds(30), "the new alert's webhook",
                () => Task.FromResult(string.Join("\n", fixture.Webhook.Requests.Select(r => $"{r.IdempotencyKey} {r.Status} fresh={r.Body.Contains(fresh.Id, StringComparison.Ordinal)} hanging={r.Body.Contains(hanging.Id, StringComparison.Ordinal)}"))));
            var delivered = sinceHangBegan.Elapsed;
            output.WriteLine($"new alert planned {planned.TotalMilliseconds:0} ms and delivered {delivered.TotalMilliseconds:0} ms after the hang began");

            Assert.True(planned < TimeSpan.FromSeconds(1), $"the new alert was planned {planned.TotalMilliseconds:0} ms after the hang began");
            // The hanging attempt is cut at 5 s: delivering before that shows the new alert did not wait behind it.
            Assert.True(delivered < TimeSpan.FromSeconds(4), $"the new alert was delivered {delivered.TotalMilliseconds:0} ms after the hang began");
        }
        finally
        {
            fixture.Webhook.Respond = previous;
        }

        // The hung notification is not lost: its retry, once the receiver answers again, is accepted under the same key.
        var hungKey = await arrived.Task;
        await VibeCheckCluster.WaitUntilAsync(
            () => Task.FromResult(fixture.Webhook.Requests.Any(r => r.IdempotencyKey == hungKey && r.Status == 200)), TimeSpan.FromSeconds(60), "the hung notification's retry");
    }

    private async Task<bool> PlannedAsync(Episode episode)
    {
        var alerts = await fixture.System.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        return alerts.GetProperty("alerts").GetArrayLength() > 0;
    }
}
