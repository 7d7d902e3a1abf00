using System.Text.Json;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>A webhook that fails and then recovers gets every alert exactly once per idempotency key.</summary>
[Collection(AlertClusterCollection.Name)]
public sealed class AlertRetryTests(AlertClusterFixture fixture)
{
    [Fact]
    public async Task Webhook_failing_five_times_then_recovering_accepts_each_key_once()
    {
        var system = fixture.System;
        var episode = Episode.New();
        var failures = 0;
        var previous = fixture.Webhook.Respond;
        fixture.Webhook.Respond = (request, ct) =>
            request.Body.Contains(episode.Id, StringComparison.Ordinal) && Interlocked.Increment(ref failures) <= 5
                ? Task.FromResult(503)
                : previous(request, ct);
        try
        {
            await episode.ReportAsync(system.Grains, 0.7);

            await VibeCheckCluster.WaitUntilAsync(
                () => Task.FromResult(fixture.Webhook.AcceptedMentioning(episode.Id).Count > 0), TimeSpan.FromSeconds(60), "delivery after the webhook recovered");
        }
        finally
        {
            fixture.Webhook.Respond = previous;
        }

        var seen = fixture.Webhook.Mentioning(episode.Id);
        var key = Assert.Single(seen.Select(r => r.IdempotencyKey).Distinct());
        Assert.Equal(6, seen.Count);
        Assert.Equal(5, seen.Count(r => r.Status == 503));
        Assert.Single(fixture.Webhook.AcceptedMentioning(episode.Id));
        var alerts = await system.GetJsonAsync<JsonElement>($"/alerts?camera={episode.Camera}");
        var id = alerts.GetProperty("alerts")[0].GetProperty("id").GetString();
        var details = await system.GetJsonAsync<JsonElement>($"/alerts/{id}");
        var attempts = details.GetProperty("deliveries").EnumerateArray().Where(d => d.GetProperty("idempotencyKey").GetString() == key).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], attempts.Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.Equal("success", attempts[^1].GetProperty("outcome").GetString());
    }
}
