using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VibeCheck.Alerting.Tests.Support;

namespace VibeCheck.Alerting.Tests;

public sealed class OutboxTests
{
    private static Notification Sample(params string[] channels) => new()
    {
        Id = "vibecheck-1",
        GroupKey = "{}:{camera=\"cam1\"}",
        Channels = channels,
        Tier = AlertTier.High,
        Alerts = [NotifiedAlert.From(Make.Violation("cam1"))],
        CreatedAt = Make.T0,
    };

    [Fact]
    public void Enqueue_makes_one_item_per_channel_with_stable_keys_and_no_duplicates()
    {
        var outbox = new Outbox().Enqueue([Sample("webhook", "email")], Make.T0);
        outbox = outbox.Enqueue([Sample("webhook", "email")], Make.T0.AddMinutes(1));

        Assert.Equal(["vibecheck-1:webhook", "vibecheck-1:email"], outbox.Pending.Select(p => p.IdempotencyKey));
        Assert.Equal(Make.T0, outbox.NextDueAt());
    }

    [Fact]
    public void Notification_without_channels_is_dead_lettered_not_dropped()
    {
        var outbox = new Outbox().Enqueue([Sample()], Make.T0);

        Assert.Empty(outbox.Pending);
        Assert.Contains("no configured channel", Assert.Single(outbox.DeadLetters).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(6, 320)]
    [InlineData(10, 900)]
    public void Backoff_doubles_within_jitter_and_caps(int attempt, double expectedSeconds)
    {
        var options = new DeliveryOptions();
        var delays = Enumerable.Range(0, 50).Select(i => RetrySchedule.Delay(attempt, $"key-{i}", options).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, expectedSeconds * 0.8 - 1e-6, Math.Min(expectedSeconds * 1.2, 900) + 1e-6));
        if (expectedSeconds < 900)
        {
            Assert.True(delays.Distinct().Count() > 10, "jitter spreads retries");
        }

        Assert.Equal(RetrySchedule.Delay(attempt, "key-1", options), RetrySchedule.Delay(attempt, "key-1", options));
    }

    [Fact]
    public async Task Worker_retries_transient_failures_then_dead_letters_with_the_reason()
    {
        var clock = new FakeTimeProvider(Make.T0);
        var channel = new ScriptedChannel("webhook", _ => DeliveryResult.Transient("HTTP 503 ServiceUnavailable"));
        var worker = new DeliveryWorker([channel], new DeliveryOptions { MaxAttempts = 3 }, clock, NullLogger<DeliveryWorker>.Instance);
        var outbox = new Outbox().Enqueue([Sample("webhook")], Make.T0);

        for (var i = 0; i < 3; i++)
        {
            outbox = await worker.DeliverDueAsync(outbox, CancellationToken.None);
            clock.SetUtcNow(outbox.NextDueAt() ?? clock.GetUtcNow());
        }

        Assert.Equal(3, channel.Calls);
        Assert.Empty(outbox.Pending);
        var dead = Assert.Single(outbox.DeadLetters);
        Assert.Equal("gave up after 3 attempts: HTTP 503 ServiceUnavailable", dead.Reason);
        Assert.Equal([1, 2, 3], outbox.History.Select(h => h.Attempt));
    }

    [Fact]
    public async Task Worker_sends_nothing_before_the_item_is_due()
    {
        var clock = new FakeTimeProvider(Make.T0);
        var channel = new ScriptedChannel("webhook", n => n == 1 ? DeliveryResult.Transient("boom") : DeliveryResult.Success());
        var worker = new DeliveryWorker([channel], new DeliveryOptions(), clock, NullLogger<DeliveryWorker>.Instance);
        var outbox = await worker.DeliverDueAsync(new Outbox().Enqueue([Sample("webhook")], Make.T0), CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(7));
        var early = await worker.DeliverDueAsync(outbox, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var due = await worker.DeliverDueAsync(early, CancellationToken.None);

        Assert.Single(early.Pending);
        Assert.Empty(due.Pending);
        Assert.Equal(2, channel.Calls);
    }

    [Fact]
    public async Task Unknown_channel_and_throwing_channel_are_reported()
    {
        var clock = new FakeTimeProvider(Make.T0);
        var throwing = new ScriptedChannel("email", _ => throw new InvalidOperationException("broken"));
        var worker = new DeliveryWorker([throwing], new DeliveryOptions(), clock, NullLogger<DeliveryWorker>.Instance);

        var outbox = await worker.DeliverDueAsync(new Outbox().Enqueue([Sample("pager", "email")], Make.T0), CancellationToken.None);

        Assert.Equal("no channel registered named 'pager'", Assert.Single(outbox.DeadLetters).Reason);
        Assert.Contains("broken", Assert.Single(outbox.Pending).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_apart_and_applied_later_an_attempt_counts_once_and_in_flight_items_are_not_due()
    {
        var clock = new FakeTimeProvider(Make.T0);
        var channel = new ScriptedChannel("webhook", _ => DeliveryResult.Transient("HTTP 503 ServiceUnavailable"));
        var worker = new DeliveryWorker([channel], new DeliveryOptions(), clock, NullLogger<DeliveryWorker>.Instance);
        var outbox = new Outbox().Enqueue([Sample("webhook", "email")], Make.T0);

        var due = worker.Due(outbox, new HashSet<string> { "vibecheck-1:email" });
        var attempt = await worker.SendAsync(Assert.Single(due), CancellationToken.None);
        var once = worker.Apply(outbox, [attempt]);
        var twice = worker.Apply(once, [attempt]);

        Assert.Equal("vibecheck-1:webhook", attempt.IdempotencyKey);
        Assert.Equal(1, attempt.Attempt);
        Assert.Same(once, twice);
        Assert.Single(once.History);
        Assert.Equal(1, once.Pending.Single(p => p.Channel == "webhook").Attempts);
        Assert.Same(outbox, worker.Apply(outbox, [attempt with { IdempotencyKey = "vibecheck-9:webhook" }]));
    }

    private sealed class ScriptedChannel(string name, Func<int, DeliveryResult> script) : IAlertChannel
    {
        public int Calls { get; private set; }

        public string Name => name;

        public Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken) =>
            Task.FromResult(script(++Calls));
    }
}
