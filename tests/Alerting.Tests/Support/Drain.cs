using Microsoft.Extensions.Time.Testing;

namespace VibeCheck.Alerting.Tests.Support;

internal static class Drain
{
    /// <summary>Runs the worker, jumping the fake clock to each next due time, until the outbox is empty or rounds run out.</summary>
    public static async Task<Outbox> RunAsync(DeliveryWorker worker, Outbox outbox, FakeTimeProvider clock, int rounds = 50)
    {
        for (var i = 0; i < rounds && outbox.Pending.Count > 0; i++)
        {
            if (outbox.NextDueAt() is { } due && due > clock.GetUtcNow())
            {
                clock.SetUtcNow(due);
            }

            outbox = await worker.DeliverDueAsync(outbox, CancellationToken.None);
        }

        return outbox;
    }

    /// <summary>Notifications planned for a few alerts in separate groups.</summary>
    public static IReadOnlyList<Notification> Notifications(int groups, params string[] channels)
    {
        var planner = new NotificationPlanner(Make.Options(), channels);
        var state = new AlertingState();
        for (var i = 0; i < groups; i++)
        {
            state = state.Upsert(Make.Violation($"cam{i}", confidence: 0.91), Make.T0);
        }

        return planner.Plan(state, Make.T0.AddMinutes(1)).Notifications;
    }
}
